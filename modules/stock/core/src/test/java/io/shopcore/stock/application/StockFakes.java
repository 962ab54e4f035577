package io.shopcore.stock.application;

import io.shopcore.stock.testing.InMemoryIdempotencyStore;
import io.shopcore.stock.testing.InMemoryLedgerRepository;
import io.shopcore.stock.testing.InMemoryReservationRepository;
import io.shopcore.stock.testing.InMemoryReservationStrategy;
import io.shopcore.stock.testing.InMemoryStockLevelRepository;
import io.shopcore.stock.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;

/** One consistent set of fakes for a use-case test. */
final class StockFakes {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration TTL = Duration.ofMinutes(10);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryStockLevelRepository stock = new InMemoryStockLevelRepository();
    final InMemoryReservationRepository reservations = new InMemoryReservationRepository();
    final InMemoryLedgerRepository ledger = new InMemoryLedgerRepository();
    final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    final InMemoryReservationStrategy strategy =
            new InMemoryReservationStrategy(stock, reservations, ledger, keys, clock);
    final StockSettings settings = new StockSettings(TTL, 2, Duration.ofHours(24));
}
