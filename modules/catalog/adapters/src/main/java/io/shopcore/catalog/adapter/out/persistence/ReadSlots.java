package io.shopcore.catalog.adapter.out.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the catalog read path's statements running at once ({@code shopcore.catalog.read.*}):
 * a statement waits (first come, first served) for one of {@code maxConcurrent} slots, at most
 * {@code queueTimeout}, and is then refused as unavailable (503 with Retry-After). A burst of cache
 * misses thus queues cheaply in the service instead of inside PostgreSQL, where every extra concurrent
 * statement on a small machine only slows all of them down.
 */
final class ReadSlots {

    /** A read that may fail like JDBC does. */
    interface Read<T> {
        T run() throws SQLException;
    }

    private final Semaphore slots;
    private final long queueTimeoutNanos;
    private final Counter refused;

    ReadSlots(int maxConcurrent, Duration queueTimeout, MeterRegistry registry) {
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        this.queueTimeoutNanos = Math.max(0, queueTimeout.toNanos());
        Gauge.builder("shopcore.catalog.read.waiting", slots, Semaphore::getQueueLength)
                .description("Catalog cache misses waiting for a read slot (shopcore.catalog.read.max-concurrent)")
                .register(registry);
        this.refused = Counter.builder("shopcore.catalog.read.refused")
                .description("Catalog reads refused (503) after waiting shopcore.catalog.read.queue-timeout for a slot")
                .register(registry);
    }

    <T> T run(Read<T> read) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("catalog", "interrupted while waiting for a catalog read slot", e);
        }
        if (!acquired) {
            refused.increment();
            throw new StoreUnavailableException(
                    "catalog", "catalog reads are saturated (no read slot within the queue timeout)", null);
        }
        try {
            return read.run();
        } catch (SQLException e) {
            throw new IllegalStateException("catalog read query failed", e);
        } finally {
            slots.release();
        }
    }
}
