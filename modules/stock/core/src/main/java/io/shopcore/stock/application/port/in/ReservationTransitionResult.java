package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationStatus;

/** The outcome of confirming or releasing a reservation. */
public sealed interface ReservationTransitionResult {

    record Done(Reservation reservation) implements ReservationTransitionResult {}

    /** Unknown, or not the caller's (which must look the same). */
    record NotFound() implements ReservationTransitionResult {}

    /** The reservation is no longer HELD (confirmed, released or expired): nothing changed. */
    record NotHeld(ReservationStatus status) implements ReservationTransitionResult {}
}
