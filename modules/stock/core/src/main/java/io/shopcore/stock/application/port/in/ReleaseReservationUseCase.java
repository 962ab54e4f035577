package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.ReservationId;

/** The caller gives the held units back. Exactly one of confirm, release and expiry wins. */
public interface ReleaseReservationUseCase {

    ReservationTransitionResult release(ReservationId id, Caller caller);
}
