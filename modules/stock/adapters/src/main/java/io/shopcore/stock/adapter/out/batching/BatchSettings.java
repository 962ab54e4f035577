package io.shopcore.stock.adapter.out.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one {@link RequestBatcher}, normalised to sane minimums.
 *
 * @param store             the store the batches write to (named in the timeout failure)
 * @param maxQueuedPerPartition requests of one partition waiting at most
 * @param shutdownGrace     how long {@link RequestBatcher#close} lets writers finish what is queued
 * @param answerTimeout     how long a caller waits for its answer after {@link RequestBatcher#submit} before
 *                          the safety net answers {@code StoreUnavailableException}; must exceed
 *                          {@code maxQueueTime} plus the longest a batch can take, or a caller could hear
 *                          "unavailable" about a batch that then commits
 */
public record BatchSettings(
        String store,
        int maxBatchSize,
        int writers,
        Duration maxWait,
        Duration maxQueueTime,
        int queueCapacity,
        int maxQueuedPerPartition,
        Duration shutdownGrace,
        Duration answerTimeout) {

    /** The answer timeout when none is given: {@code maxQueueTime} plus this. */
    public static final Duration DEFAULT_ANSWER_MARGIN = Duration.ofSeconds(30);

    public BatchSettings(
            String store,
            int maxBatchSize,
            int writers,
            Duration maxWait,
            Duration maxQueueTime,
            int queueCapacity,
            int maxQueuedPerPartition,
            Duration shutdownGrace) {
        this(
                store,
                maxBatchSize,
                writers,
                maxWait,
                maxQueueTime,
                queueCapacity,
                maxQueuedPerPartition,
                shutdownGrace,
                maxQueueTime.plus(DEFAULT_ANSWER_MARGIN));
    }

    public BatchSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxQueueTime, "maxQueueTime");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
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
        if (answerTimeout.compareTo(maxQueueTime) <= 0) {
            throw new IllegalArgumentException(
                    "answerTimeout (" + answerTimeout + ") must exceed maxQueueTime (" + maxQueueTime + ")");
        }
    }
}
