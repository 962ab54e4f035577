package io.shopcore.stock.application.port.in;

/** Housekeeping run on a schedule: idempotency keys past their retention are forgotten. */
public interface PurgeIdempotencyKeysUseCase {

    /**
     * Deletes at most {@code batchSize} idempotency keys older than the retention (never less than 24 h),
     * in one short transaction; returns how many. Several instances may run it at once.
     */
    int purgeBatch(int batchSize);
}
