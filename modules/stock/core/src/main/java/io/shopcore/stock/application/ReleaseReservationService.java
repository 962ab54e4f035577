package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ReleaseReservationUseCase;
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
public class ReleaseReservationService implements ReleaseReservationUseCase {

    private final ReservationTransitions transitions;

    public ReleaseReservationService(
            ReservationRepository reservations, StockLevelRepository stock, LedgerRepository ledger, Clock clock) {
        this.transitions = new ReservationTransitions(reservations, stock, ledger, clock);
    }

    @Override
    @Transactional
    public ReservationTransitionResult release(ReservationId id, Caller caller) {
        return transitions.endHold(id, caller, ReservationStatus.RELEASED);
    }
}
