package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ReservationTransitionResult;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shared rules of confirm and release, run inside the caller's transaction. The reservation's
 * status change is a conditional update (WHERE status = 'HELD'), so of confirm, release and expiry
 * racing on one reservation exactly one changes it; the losers change nothing.
 */
final class ReservationTransitions {

    private final ReservationRepository reservations;
    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final Clock clock;

    ReservationTransitions(ReservationRepository reservations, StockLevelRepository stock, LedgerRepository ledger,
                           Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.ledger = ledger;
        this.clock = clock;
    }

    ReservationTransitionResult apply(ReservationId id, Caller caller, ReservationStatus target) {
        Optional<Reservation> found = reservations.find(id).filter(r -> caller.maySee(r.ownerId()));
        if (found.isEmpty()) {
            return new ReservationTransitionResult.NotFound();
        }
        Reservation r = found.get();
        Instant now = clock.instant();
        if (r.status() != ReservationStatus.HELD) {
            return new ReservationTransitionResult.NotHeld(r.status());
        }
        if (r.isExpiredAt(now)) {
            // Overdue but not swept yet: it is EXPIRED; expire it now (unless someone else just did).
            if (reservations.transitionFromHeld(id, ReservationStatus.EXPIRED, now, false)) {
                giveBack(r, ReservationStatus.EXPIRED, now);
            }
            return new ReservationTransitionResult.NotHeld(ReservationStatus.EXPIRED);
        }
        if (!reservations.transitionFromHeld(id, target, now, true)) {
            ReservationStatus current = reservations.find(id).map(x -> x.statusAt(now)).orElse(ReservationStatus.EXPIRED);
            return new ReservationTransitionResult.NotHeld(current);
        }
        giveBack(r, target, now);
        return new ReservationTransitionResult.Done(r.withStatus(target));
    }

    private void giveBack(Reservation r, ReservationStatus target, Instant now) {
        int q = r.quantity().value();
        LedgerType type = switch (target) {
            case CONFIRMED -> LedgerType.CONFIRM;
            case RELEASED -> LedgerType.RELEASE;
            case EXPIRED -> LedgerType.EXPIRE;
            case HELD -> throw new IllegalArgumentException("HELD is not a transition target");
        };
        stock.applyDelta(r.productId(), type == LedgerType.CONFIRM ? -q : 0, -q);
        ledger.append(List.of(new LedgerEntry(0, r.productId(), type, q, r.id(), null, now)));
    }
}
