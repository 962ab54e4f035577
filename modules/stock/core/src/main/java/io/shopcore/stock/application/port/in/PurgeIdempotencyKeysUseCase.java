package io.shopcore.stock.application.port.in;

/** Housekeeping run on a schedule: idempotency keys past their retention are forgotten. */
public interface PurgeIdempotencyKeysUseCase {

    /** Deletes idempotency keys older than the retention (never less than 24 h); returns how many. */
    int purgeExpired();
}
