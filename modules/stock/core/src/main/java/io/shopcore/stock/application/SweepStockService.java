package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.SweepStockUseCase;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApplicationScoped
public class SweepStockService implements SweepStockUseCase {

    private final ReservationRepository reservations;
    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final IdempotencyStore idempotency;
    private final StockSettings settings;
    private final Clock clock;

    public SweepStockService(ReservationRepository reservations, StockLevelRepository stock, LedgerRepository ledger,
                             IdempotencyStore idempotency, StockSettings settings, Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        // Rows another transaction holds (a confirm or release in flight) are skipped, not waited for.
        List<Reservation> expired = reservations.expireDue(now, settings.sweepBatchSize());
        if (expired.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> byProduct = new TreeMap<>();
        List<LedgerEntry> entries = new ArrayList<>(expired.size());
        for (Reservation r : expired) {
            byProduct.merge(r.productId(), r.quantity().value(), Integer::sum);
            entries.add(new LedgerEntry(0, r.productId(), LedgerType.EXPIRE, r.quantity().value(), r.id(), null, now));
        }
        stock.releaseReserved(byProduct);
        ledger.append(entries);
        return expired.size();
    }

    @Override
    @Transactional
    public int purgeIdempotencyKeys() {
        return idempotency.purgeCreatedBefore(clock.instant().minus(settings.idempotencyRetention()));
    }
}
