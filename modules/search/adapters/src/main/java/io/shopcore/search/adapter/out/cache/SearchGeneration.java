package io.shopcore.search.adapter.out.cache;

import io.quarkus.redis.datasource.value.ValueCommands;
import io.shopcore.infrastructure.redis.ResilientRedis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the search caches share: the generation ({@code search:generation}, incremented after every
 * committed catalog change, so cached answers of older generations are never read again) and the
 * hashing of a canonical query into a key part.
 */
final class SearchGeneration {

    static final String KEY = "search:generation";

    private SearchGeneration() {}

    /** The current generation; none yet (fresh or flushed Redis) is 0. Empty when Redis cannot answer. */
    static Optional<String> current(ResilientRedis redis, ValueCommands<String, String> values, String operation) {
        return redis.call(operation, () -> Optional.ofNullable(values.get(KEY)).orElse("0"));
    }

    /** SHA-256 of the canonical text, hex: a bounded key part whatever the query's length. */
    static String sha256(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
