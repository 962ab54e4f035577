package io.shopcore.stock.application.port.out;

import io.shopcore.stock.application.port.in.Page;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reservations as stored. Status changes are conditional, so concurrent transitions cannot both win. */
public interface ReservationRepository {

    Optional<Reservation> find(ReservationId id);

    /**
     * Moves a HELD reservation to {@code next} if, at this moment, it is still HELD (and, when
     * {@code onlyIfUnexpired}, not past its expiry at {@code now}). Waits for a concurrent writer of
     * the same row and re-checks after it. Returns false when the condition no longer holds.
     */
    boolean transitionFromHeld(ReservationId id, ReservationStatus next, Instant now, boolean onlyIfUnexpired);

    /**
     * Marks up to {@code limit} HELD reservations expired at {@code now} as EXPIRED, skipping rows
     * that another transaction holds, and returns them (with their new status).
     */
    List<Reservation> expireDue(Instant now, int limit);

    /**
     * Newest first. {@code ownerId} null: everyone's. {@code status} null: any; HELD and EXPIRED
     * are judged at {@code now} (an overdue HELD reservation counts as EXPIRED).
     */
    Page<Reservation> list(String ownerId, ReservationStatus status, Instant now, long offset, int limit);
}
