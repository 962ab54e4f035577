package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ReservationQueries;
import io.shopcore.stock.application.port.in.StockLevelQueries;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Reads. No transaction: each is one statement, which PostgreSQL answers from one snapshot. */
@ApplicationScoped
public class StockQueryService implements StockLevelQueries, ReservationQueries {

    private final StockLevelRepository stock;
    private final ReservationRepository reservations;
    private final LedgerRepository ledger;
    private final Clock clock;

    public StockQueryService(
            StockLevelRepository stock, ReservationRepository reservations, LedgerRepository ledger, Clock clock) {
        this.stock = stock;
        this.reservations = reservations;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Optional<StockLevel> stockLevel(long productId) {
        return stock.find(productId);
    }

    @Override
    public Optional<Page<LedgerEntry>> ledger(long productId, int page, int size) {
        if (!stock.exists(productId)) {
            return Optional.empty();
        }
        return Optional.of(ledger.page(productId, (long) page * size, size));
    }

    @Override
    public Optional<Reservation> reservation(ReservationId id, Caller caller) {
        Instant now = clock.instant();
        return reservations.find(id).filter(r -> caller.maySee(r.ownerId())).map(r -> r.asSeenAt(now));
    }

    @Override
    public Page<Reservation> reservations(Caller caller, ReservationStatus status, int page, int size) {
        Instant now = clock.instant();
        Page<Reservation> p =
                reservations.list(caller.admin() ? null : caller.userId(), status, now, (long) page * size, size);
        return new Page<>(p.items().stream().map(r -> r.asSeenAt(now)).toList(), p.total());
    }
}
