package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.ReservationId;

/** The held units are sold: they leave total and reserved. Exactly one of confirm, release and expiry wins. */
public interface ConfirmReservationUseCase {

    ReservationTransitionResult confirm(ReservationId id, Caller caller);
}
