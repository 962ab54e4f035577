package io.shopcore.stock.application.port.in;

/** Housekeeping run on a schedule: expire overdue reservations, forget old idempotency keys. */
public interface SweepStockUseCase {

    /** Expires at most one batch of overdue HELD reservations, in one transaction; returns how many. */
    int expireDue();

    /** Deletes idempotency keys older than the retention (never less than 24 h); returns how many. */
    int purgeIdempotencyKeys();
}
