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
 * status change is a conditional update (still HELD), so of confirm, release and expiry racing on one
 * reservation exactly one changes it; only that one moves the stock and writes the ledger.
 */
final class ReservationTransitions {

    private final ReservationRepository reservations;
    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final Clock clock;

    ReservationTransitions(
            ReservationRepository reservations, StockLevelRepository stock, LedgerRepository ledger, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Ends the caller's HELD reservation {@code id} as {@code target} (CONFIRMED or RELEASED). */
    ReservationTransitionResult endHold(ReservationId id, Caller caller, ReservationStatus target) {
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
            if (reservations.expireIfHeld(id, now)) {
                settle(r, ReservationStatus.EXPIRED, now);
            }
            return new ReservationTransitionResult.NotHeld(ReservationStatus.EXPIRED);
        }
        if (!reservations.endHoldIfUnexpired(id, target, now)) {
            // Lost a race (another confirm/release, or the sweeper): answer with what it became.
            ReservationStatus current =
                    reservations.find(id).map(x -> x.statusAt(now)).orElse(ReservationStatus.EXPIRED);
            return new ReservationTransitionResult.NotHeld(current);
        }
        settle(r, target, now);
        return new ReservationTransitionResult.Done(r.withStatus(target));
    }

    /**
     * The stock side of a hold that ended as {@code outcome}: confirmed units leave total and
     * reserved, released or expired ones leave reserved only (LedgerType says how); plus its entry.
     */
    private void settle(Reservation r, ReservationStatus outcome, Instant now) {
        LedgerType type = LedgerType.endingHoldAs(outcome);
        int q = r.quantity().value();
        stock.applyDelta(r.productId(), (int) type.totalEffect(q), (int) type.reservedEffect(q));
        ledger.append(List.of(LedgerEntry.forReservation(r, type, now)));
    }
}
