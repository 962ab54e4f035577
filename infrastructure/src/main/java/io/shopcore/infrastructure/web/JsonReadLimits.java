package io.shopcore.infrastructure.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds what parsing a JSON body may cost, beyond the body size limit (64 KiB): a document nested
 * deeper than {@code shopcore.http.json.max-nesting-depth} (default 32; our bodies are at most 2 deep)
 * or holding a number longer than 100 digits fails to parse and is answered 400 like any other
 * unparsable body. Jackson's own defaults (1,000 levels, 1,000-digit numbers) are far more than any
 * request of this API needs, and deep nesting costs stack and CPU before the body is even mapped.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {

    static final int MAX_NUMBER_LENGTH = 100;

    private final int maxNestingDepth;

    public JsonReadLimits(
            @ConfigProperty(name = "shopcore.http.json.max-nesting-depth", defaultValue = "32") int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
    }

    /** Runs after the other customizers, so nothing replaces the factory's constraints afterwards. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
