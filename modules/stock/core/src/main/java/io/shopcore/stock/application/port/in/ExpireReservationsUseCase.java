package io.shopcore.stock.application.port.in;

/** Housekeeping run on a schedule: HELD reservations past their expiry become EXPIRED and give their units back. */
public interface ExpireReservationsUseCase {

    /** Expires at most one batch of overdue HELD reservations, in one transaction; returns how many. */
    int expireDue();

    /** HELD reservations past their expiry right now that no sweep has expired yet (the sweeper's backlog). */
    long overdueBacklog();
}
