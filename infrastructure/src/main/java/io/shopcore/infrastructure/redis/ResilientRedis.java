package io.shopcore.infrastructure.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs optional Redis work (caching, counters) so that a Redis outage costs nothing but the cache.
 *
 * <p>Two kinds of failure are told apart, because they call for opposite answers:
 *
 * <ul>
 *   <li>a <b>connection failure</b> (refused, reset, closed, any error that is not a timeout): Redis is
 *       down, so it is skipped for a short back-off ({@code shopcore.redis.failure-backoff}) and requests
 *       do not each wait for a timeout; after the back-off the next call probes again, which is how the
 *       cache resumes by itself;
 *   <li>a <b>slow reply</b> (the client's timeout, or its connection pool too busy): usually this process
 *       is overloaded, not Redis. The call is a miss for that request only. Only
 *       {@code shopcore.redis.timeouts-before-backoff} slow replies in a row, with no success between
 *       them, are taken for a hung Redis and open the back-off. Switching the cache off for everyone
 *       because of load would send every request to PostgreSQL and make the overload worse (issue 11:
 *       the product list fell from 13,900/s to 42-68/s that way at 1,000,000 products).
 * </ul>
 *
 * Metrics: {@code shopcore_redis_failures_total{operation}} (every failed call),
 * {@code shopcore_redis_slow_total{operation}} (the slow ones among them),
 * {@code shopcore_redis_backoffs_total{reason=connection|timeouts}} (times the back-off was opened) and
 * {@code shopcore_redis_skipped_total} (calls skipped during a back-off).
 */
@ApplicationScoped
public class ResilientRedis {

    private static final Logger LOG = Logger.getLogger(ResilientRedis.class);

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private final long backoffNanos;
    private final int timeoutsBeforeBackoff;
    /** nanoTime until which Redis is skipped; compared by subtraction, so it starts at "now", never at a sentinel. */
    private final AtomicLong skipUntil;
    /** Slow replies since the last success. */
    private final AtomicInteger slowInARow = new AtomicInteger();

    private final Counter skipped;
    private final Counter backoffsForConnection;
    private final Counter backoffsForTimeouts;

    @Inject
    public ResilientRedis(
            MeterRegistry registry,
            @ConfigProperty(name = "shopcore.redis.failure-backoff", defaultValue = "2s") Duration backoff,
            @ConfigProperty(name = "shopcore.redis.timeouts-before-backoff", defaultValue = "10")
                    int timeoutsBeforeBackoff) {
        this(registry, backoff, timeoutsBeforeBackoff, System::nanoTime);
    }

    /** With the default of 10 slow replies in a row before backing off. */
    public ResilientRedis(MeterRegistry registry, Duration backoff) {
        this(registry, backoff, 10);
    }

    /** With a clock of its own ({@code System.nanoTime} semantics), so tests can move time. */
    ResilientRedis(MeterRegistry registry, Duration backoff, int timeoutsBeforeBackoff, LongSupplier nanoTime) {
        this.registry = registry;
        this.nanoTime = nanoTime;
        this.skipUntil = new AtomicLong(nanoTime.getAsLong());
        this.backoffNanos = backoff.toNanos();
        this.timeoutsBeforeBackoff = Math.max(1, timeoutsBeforeBackoff);
        this.skipped = Counter.builder("shopcore_redis_skipped_total")
                .description("Redis calls skipped while Redis is considered down")
                .register(registry);
        this.backoffsForConnection = backoffs(registry, "connection");
        this.backoffsForTimeouts = backoffs(registry, "timeouts");
    }

    /** The result of {@code call}, or empty when Redis failed, was slow, or is backing off. */
    public <T> Optional<T> call(String operation, Supplier<T> call) {
        if (isBackingOff()) {
            skipped.increment();
            return Optional.empty();
        }
        T value;
        try {
            value = call.get();
        } catch (RuntimeException e) {
            failed(operation, e);
            return Optional.empty();
        }
        if (slowInARow.get() != 0) {
            slowInARow.set(0);
        }
        return Optional.ofNullable(value);
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
        return nanoTime.getAsLong() - skipUntil.get() < 0;
    }

    /**
     * True when {@code failure} (or a cause) is a timeout or a busy connection pool: the reply was slow,
     * which under load says more about this process than about Redis.
     */
    static boolean isSlowReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            // Mutiny's and Vert.x's own types (io.smallrye.mutiny.TimeoutException, ...PoolTooBusyException),
            // matched by name so that this class does not depend on which client raised them.
            String name = t.getClass().getSimpleName();
            if (name.equals("TimeoutException") || name.endsWith("PoolTooBusyException")) {
                return true;
            }
        }
        return false;
    }

    private void failed(String operation, RuntimeException e) {
        registry.counter("shopcore_redis_failures_total", "operation", operation)
                .increment();
        if (!isSlowReply(e)) {
            openBackoff(backoffsForConnection, "Redis %s failed (%s); bypassing Redis for %d ms", operation, e);
            return;
        }
        registry.counter("shopcore_redis_slow_total", "operation", operation).increment();
        if (slowInARow.incrementAndGet() >= timeoutsBeforeBackoff) {
            // Stay one short of the threshold: after the back-off, one more slow reply (and no success) is
            // enough to back off again, so a hung Redis costs one timeout per back-off, not ten.
            slowInARow.set(timeoutsBeforeBackoff - 1);
            openBackoff(
                    backoffsForTimeouts,
                    "Redis %s: %s slow replies in a row (%s); bypassing Redis for %d ms",
                    operation,
                    e);
        } else {
            LOG.debugf("Redis %s slow (%s): a miss for this request only", operation, e.toString());
        }
    }

    private void openBackoff(Counter reason, String message, String operation, RuntimeException e) {
        long now = nanoTime.getAsLong();
        long previous = skipUntil.getAndSet(now + backoffNanos);
        if (now - previous >= 0) {
            reason.increment();
            if (reason == backoffsForTimeouts) {
                LOG.warnf(message, operation, timeoutsBeforeBackoff, e.toString(), backoffNanos / 1_000_000);
            } else {
                LOG.warnf(message, operation, e.toString(), backoffNanos / 1_000_000);
            }
        }
    }

    private static Counter backoffs(MeterRegistry registry, String reason) {
        return Counter.builder("shopcore_redis_backoffs_total")
                .description("Times Redis was bypassed for the back-off, by reason (connection failure or"
                        + " consecutive slow replies)")
                .tag("reason", reason)
                .register(registry);
    }
}
