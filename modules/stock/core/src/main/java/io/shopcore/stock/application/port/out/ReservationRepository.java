package io.shopcore.stock.application.port.out;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reservations as stored. Reservations are written by the {@link ReservationStrategy} (in the
 * reservation's own transaction); this port reads them and ends their hold. Status changes are
 * conditional (on the row still being HELD), and wait for a concurrent writer of the same row and
 * re-check after it, so of two racing changes exactly one wins.
 */
public interface ReservationRepository {

    Optional<Reservation> find(ReservationId id);

    /**
     * Confirm or release: moves the reservation to {@code next} (CONFIRMED or RELEASED) if, at this
     * moment, it is still HELD and not past its expiry at {@code now}. False when that no longer holds
     * (someone else ended the hold first, or it ran out); then nothing changed.
     */
    boolean endHoldIfUnexpired(ReservationId id, ReservationStatus next, Instant now);

    /**
     * Expires one overdue reservation on the spot (the sweeper has not reached it yet): HELD becomes
     * EXPIRED. False when it is no longer HELD (someone else ended the hold first); then nothing changed.
     */
    boolean expireIfHeld(ReservationId id, Instant now);

    /**
     * Marks up to {@code limit} HELD reservations expired at {@code now} as EXPIRED, those that expired
     * first first, skipping rows that another transaction holds, and returns them (with their new
     * status, in no particular order).
     */
    List<Reservation> expireDue(Instant now, int limit);

    /**
     * How many HELD reservations are past their expiry at {@code now} (what {@link #expireDue} would
     * still expire). Cheap enough for every sweep: it reads only the overdue rows.
     */
    long countOverdue(Instant now);

    /**
     * Newest first. {@code ownerId} null: everyone's. {@code status} null: any; HELD and EXPIRED
     * are judged at {@code now} (an overdue HELD reservation counts as EXPIRED).
     */
    Page<Reservation> list(String ownerId, ReservationStatus status, Instant now, long offset, int limit);
}
