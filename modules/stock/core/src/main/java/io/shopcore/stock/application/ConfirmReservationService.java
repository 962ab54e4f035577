package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ConfirmReservationUseCase;
import io.shopcore.stock.application.port.in.ReservationTransitionResult;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class ConfirmReservationService implements ConfirmReservationUseCase {

    private final ReservationTransitions transitions;

    public ConfirmReservationService(
            ReservationRepository reservations, StockLevelRepository stock, LedgerRepository ledger, Clock clock) {
        this.transitions = new ReservationTransitions(reservations, stock, ledger, clock);
    }

    @Override
    @Transactional
    public ReservationTransitionResult confirm(ReservationId id, Caller caller) {
        return transitions.endHold(id, caller, ReservationStatus.CONFIRMED);
    }
}
