package io.shopcore.infrastructure.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs optional Redis work (caching, counters) so that a Redis outage costs nothing but the cache:
 * a failed call is counted ({@code shopcore_redis_failures_total}) and Redis is skipped for a short
 * back-off, so requests do not each wait for a timeout; after the back-off the next call probes again,
 * which is how the cache resumes by itself.
 */
@ApplicationScoped
public class ResilientRedis {

    private static final Logger LOG = Logger.getLogger(ResilientRedis.class);

    private final MeterRegistry registry;
    private final long backoffNanos;
    /** nanoTime until which Redis is skipped; compared by subtraction, so it starts at "now", never at a sentinel. */
    private final AtomicLong skipUntil = new AtomicLong(System.nanoTime());

    private final Counter skipped;

    public ResilientRedis(
            MeterRegistry registry,
            @ConfigProperty(name = "shopcore.redis.failure-backoff", defaultValue = "2s") Duration backoff) {
        this.registry = registry;
        this.backoffNanos = backoff.toNanos();
        this.skipped = Counter.builder("shopcore_redis_skipped_total")
                .description("Redis calls skipped while Redis is considered down")
                .register(registry);
    }

    /** The result of {@code call}, or empty when Redis failed or is backing off. */
    public <T> Optional<T> call(String operation, Supplier<T> call) {
        if (isBackingOff()) {
            skipped.increment();
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            failed(operation, e);
            return Optional.empty();
        }
    }

    /** Like {@link #call} for work without a result; true when it ran. */
    public boolean run(String operation, Runnable work) {
        return call(operation, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    public boolean isBackingOff() {
        return System.nanoTime() - skipUntil.get() < 0;
    }

    private void failed(String operation, RuntimeException e) {
        registry.counter("shopcore_redis_failures_total", "operation", operation)
                .increment();
        long until = System.nanoTime() + backoffNanos;
        long previous = skipUntil.getAndSet(until);
        if (System.nanoTime() - previous >= 0) {
            LOG.warnf(
                    "Redis %s failed (%s); bypassing Redis for %d ms",
                    operation, e.toString(), backoffNanos / 1_000_000);
        }
    }
}
