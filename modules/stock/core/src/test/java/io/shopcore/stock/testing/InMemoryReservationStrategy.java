package io.shopcore.stock.testing;

import io.shopcore.stock.application.BatchAdmission;
import io.shopcore.stock.application.port.out.IdempotencyStore.StoredOutcome;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.StockLevel;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strategy over the other fakes that decides as the real ones do (the same {@link BatchAdmission},
 * a batch of one): claim the key, look at the level, reserve or refuse, record the key's answer.
 */
public class InMemoryReservationStrategy implements ReservationStrategy {

    private final InMemoryStockLevelRepository stock;
    private final InMemoryReservationRepository reservations;
    private final InMemoryLedgerRepository ledger;
    private final InMemoryIdempotencyStore keys;
    private final Clock clock;
    private int calls;

    public InMemoryReservationStrategy(
            InMemoryStockLevelRepository stock,
            InMemoryReservationRepository reservations,
            InMemoryLedgerRepository ledger,
            InMemoryIdempotencyStore keys,
            Clock clock) {
        this.stock = stock;
        this.reservations = reservations;
        this.ledger = ledger;
        this.keys = keys;
        this.clock = clock;
    }

    /** How many requests reached the strategy (a replay never does). */
    public synchronized int calls() {
        return calls;
    }

    @Override
    public synchronized Outcome reserve(Request request) {
        calls++;
        Instant now = clock.instant();
        BatchAdmission batch = new BatchAdmission(List.of(request));
        Set<BatchAdmission.KeyClaim> won = new HashSet<>();
        for (BatchAdmission.KeyClaim k : batch.keysToClaim()) {
            if (keys.claim(k.ownerId(), k.key(), k.productId(), k.quantity(), now)) {
                won.add(k);
            }
        }
        batch.keysWon(won);
        Map<Long, StockLevel> locked = new HashMap<>();
        for (long id : batch.productsToLock()) {
            stock.lock(id).ifPresent(l -> locked.put(id, l));
        }
        batch.admit(locked, now);
        for (Reservation r : batch.admitted()) {
            stock.applyDelta(r.productId(), 0, r.quantity().value());
            reservations.store(r);
            ledger.append(List.of(LedgerEntry.forReservation(r, LedgerType.RESERVE, now)));
        }
        for (BatchAdmission.KeyAnswer a : batch.keyAnswers()) {
            BatchAdmission.KeyClaim k = a.claim();
            keys.answer(
                    k.ownerId(),
                    k.key(),
                    new StoredOutcome(
                            k.productId(),
                            k.quantity(),
                            a.outcome().kind(),
                            a.outcome() instanceof Reserved r ? r.reservation().id() : null));
        }
        return batch.outcomes().getFirst();
    }
}
