package io.shopcore.stock.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The stock module's policy settings, as the core sees them (the adapter's {@code StockConfig}
 * turns configuration into this record).
 */
public record StockSettings(Duration reservationTtl, int sweepBatchSize, Duration idempotencyRetention) {

    public static final Duration MIN_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    public StockSettings {
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        Objects.requireNonNull(idempotencyRetention, "idempotencyRetention");
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
