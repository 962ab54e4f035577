package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.ExpireReservationsUseCase;
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
public class ExpireReservationsService implements ExpireReservationsUseCase {

    private final ReservationRepository reservations;
    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final StockSettings settings;
    private final Clock clock;

    public ExpireReservationsService(
            ReservationRepository reservations,
            StockLevelRepository stock,
            LedgerRepository ledger,
            StockSettings settings,
            Clock clock) {
        this.reservations = reservations;
        this.stock = stock;
        this.ledger = ledger;
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
        // Product order (TreeMap): the stock rows are locked in the order every multi-row writer uses.
        Map<Long, Integer> unitsByProduct = new TreeMap<>();
        List<LedgerEntry> entries = new ArrayList<>(expired.size());
        for (Reservation r : expired) {
            unitsByProduct.merge(r.productId(), r.quantity().value(), Integer::sum);
            entries.add(LedgerEntry.forReservation(r, LedgerType.EXPIRE, now));
        }
        stock.releaseReserved(unitsByProduct);
        ledger.append(entries);
        return expired.size();
    }

    @Override
    public long overdueBacklog() {
        return reservations.countOverdue(clock.instant());
    }
}
