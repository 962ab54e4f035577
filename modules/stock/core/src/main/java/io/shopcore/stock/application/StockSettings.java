package io.shopcore.stock.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The stock module's policy settings, as the core sees them (the adapter's {@code StockConfig}
 * turns configuration into this record).
 *
 * @param blockingMaxQueueTime a reservation that waited longer than this for a blocking thread is
 *                             answered overloaded instead of being written late (nothing is written)
 */
public record StockSettings(
        Duration reservationTtl, int sweepBatchSize, Duration idempotencyRetention, Duration blockingMaxQueueTime) {

    public static final Duration MIN_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    public static final Duration DEFAULT_BLOCKING_MAX_QUEUE_TIME = Duration.ofSeconds(3);

    public StockSettings(Duration reservationTtl, int sweepBatchSize, Duration idempotencyRetention) {
        this(reservationTtl, sweepBatchSize, idempotencyRetention, DEFAULT_BLOCKING_MAX_QUEUE_TIME);
    }

    public StockSettings {
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        Objects.requireNonNull(idempotencyRetention, "idempotencyRetention");
        Objects.requireNonNull(blockingMaxQueueTime, "blockingMaxQueueTime");
        if (blockingMaxQueueTime.isNegative() || blockingMaxQueueTime.isZero()) {
            throw new IllegalArgumentException("blocking max queue time must be positive");
        }
        if (reservationTtl.isNegative() || reservationTtl.isZero()) {
            throw new IllegalArgumentException("reservation TTL must be positive");
        }
        if (sweepBatchSize < 1) {
            throw new IllegalArgumentException("sweep batch size must be at least 1");
        }
        if (idempotencyRetention.compareTo(MIN_IDEMPOTENCY_RETENTION) < 0) {
            throw new IllegalArgumentException("idempotency keys must be kept at least 24 h");
        }
    }
}
