package io.shopcore.infrastructure.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on a store's read statements running at once ({@code shopcore.<store>.read.*}): a read waits
 * (first come, first served) for one of {@code maxConcurrent} slots, at most {@code queueTimeout}, and is
 * then refused as unavailable (503 with Retry-After). A burst of reads thus queues cheaply and fairly in
 * the service instead of at the connection pool, whose hand-over is not first come, first served (a
 * thread that just gave a connection back may take it again while others starve), or inside PostgreSQL,
 * where every extra concurrent statement on a small machine only slows all of them down.
 *
 * <p>Metrics: {@code shopcore.<store>.read.waiting} (gauge, reads waiting for a slot) and
 * {@code shopcore.<store>.read.refused} (counter, reads refused after the queue timeout).
 */
public final class ReadSlots {

    /** A read that may fail like JDBC does. */
    public interface Read<T> {
        T run() throws SQLException;
    }

    private final String store;
    private final Semaphore slots;
    private final long queueTimeoutNanos;
    private final Counter refused;

    /**
     * @param store the store's name (a context: {@code catalog}, {@code stock}), used in the metric names
     *     and in {@link StoreUnavailableException#store()}
     */
    public ReadSlots(String store, int maxConcurrent, Duration queueTimeout, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        this.queueTimeoutNanos = Math.max(0, queueTimeout.toNanos());
        Gauge.builder("shopcore." + store + ".read.waiting", slots, Semaphore::getQueueLength)
                .description("Reads of the " + store + " store waiting for a read slot (shopcore." + store
                        + ".read.max-concurrent)")
                .register(registry);
        this.refused = Counter.builder("shopcore." + store + ".read.refused")
                .description("Reads of the " + store + " store refused (503) after waiting shopcore." + store
                        + ".read.queue-timeout for a slot")
                .register(registry);
    }

    /**
     * Runs the read in a slot. An {@link SQLException} the read lets out becomes an {@link
     * IllegalStateException} (translate store failures inside the read, or with {@link
     * TranslateStoreFailures} on the adapter, where they mean "unavailable").
     *
     * @throws StoreUnavailableException when no slot was free within the queue timeout
     */
    public <T> T run(Read<T> read) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(store, "interrupted while waiting for a " + store + " read slot", e);
        }
        if (!acquired) {
            refused.increment();
            throw new StoreUnavailableException(
                    store, store + " reads are saturated (no read slot within the queue timeout)", null);
        }
        try {
            return read.run();
        } catch (SQLException e) {
            throw new IllegalStateException(store + " read query failed", e);
        } finally {
            slots.release();
        }
    }
}
