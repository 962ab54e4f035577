package io.shopcore.stock.adapter.out.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one {@link RequestBatcher}, normalised to sane minimums.
 *
 * @param store             the store the batches write to (named in the timeout failure)
 * @param maxQueuedPerPartition requests of one partition waiting at most
 * @param shutdownGrace     how long {@link RequestBatcher#close} lets writers finish what is queued
 */
public record BatchSettings(
        String store,
        int maxBatchSize,
        int writers,
        Duration maxWait,
        Duration maxQueueTime,
        int queueCapacity,
        int maxQueuedPerPartition,
        Duration shutdownGrace) {
    public BatchSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxQueueTime, "maxQueueTime");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        maxBatchSize = Math.max(1, maxBatchSize);
        writers = Math.max(1, writers);
        queueCapacity = Math.max(1, queueCapacity);
        maxQueuedPerPartition = Math.max(1, maxQueuedPerPartition);
        if (maxWait.isNegative()) {
            maxWait = Duration.ZERO;
        }
        if (maxQueueTime.isNegative() || maxQueueTime.isZero()) {
            maxQueueTime = Duration.ofNanos(1);
        }
    }
}
