package io.shopcore.infrastructure.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.shopcore.infrastructure.problem.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code shopcore_http_problems_total{code}}: problem+json responses by their stable code, counted where
 * problems are rendered ({@code Problems.response}). Codes come from {@link ProblemCode} plus
 * {@code client_error} for framework 4xx, so the label stays bounded; anything else counts as
 * {@code other}. Problems renders from static code, hence the static hand-over of the registry.
 */
@Startup
@ApplicationScoped
public class ProblemMetrics {

    static final String NAME = "shopcore_http_problems_total";
    private static volatile MeterRegistry registry;
    private static final ConcurrentMap<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    public ProblemMetrics(MeterRegistry meterRegistry) {
        bind(meterRegistry);
    }

    static void bind(MeterRegistry meterRegistry) {
        registry = meterRegistry;
        COUNTERS.clear();
        for (ProblemCode code : ProblemCode.values()) {
            counter(code.code()); // every code is exported from the start, so rate() works from zero
        }
    }

    /** Counts one rendered problem; a no-op before the application has started. */
    public static void rendered(String code) {
        if (registry == null) {
            return;
        }
        counter(code == null || !known(code) ? "other" : code).increment();
    }

    private static boolean known(String code) {
        if ("client_error".equals(code)) {
            return true;
        }
        for (ProblemCode c : ProblemCode.values()) {
            if (c.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Counter counter(String code) {
        return COUNTERS.computeIfAbsent(
                code,
                c -> Counter.builder("shopcore.http.problems")
                        .description("problem+json responses by problem code")
                        .tag("code", c)
                        .register(registry));
    }
}
