package io.shopcore.stock.application.port.in;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.util.Optional;

/** Reads of reservations, as the caller may see them (own only, unless admin), with expiry applied. */
public interface ReservationQueries {

    Optional<Reservation> reservation(ReservationId id, Caller caller);

    /** Newest first. {@code status} null means any. */
    Page<Reservation> reservations(Caller caller, ReservationStatus status, int page, int size);
}
