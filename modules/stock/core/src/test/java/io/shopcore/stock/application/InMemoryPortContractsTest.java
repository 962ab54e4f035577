package io.shopcore.stock.application;

import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.testing.IdempotencyStoreContract;
import io.shopcore.stock.testing.InMemoryIdempotencyStore;
import io.shopcore.stock.testing.InMemoryLedgerRepository;
import io.shopcore.stock.testing.InMemoryReservationRepository;
import io.shopcore.stock.testing.InMemoryStockLevelRepository;
import io.shopcore.stock.testing.LedgerRepositoryContract;
import io.shopcore.stock.testing.ReservationRepositoryContract;
import io.shopcore.stock.testing.StockLevelRepositoryContract;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;

/** The port contracts against the in-memory fakes (bootstrap runs the same against the JDBC adapters). */
class InMemoryPortContractsTest {

    static final AtomicLong IDS = new AtomicLong(1);

    @Nested
    class ReservationRepositoryFake extends ReservationRepositoryContract {
        final InMemoryReservationRepository fake = new InMemoryReservationRepository();

        @Override
        protected ReservationRepository repository() {
            return fake;
        }

        @Override
        protected void store(Reservation reservation) {
            fake.store(reservation);
        }

        @Override
        protected long newProductId() {
            return IDS.incrementAndGet();
        }
    }

    @Nested
    class IdempotencyStoreFake extends IdempotencyStoreContract {
        final InMemoryIdempotencyStore fake = new InMemoryIdempotencyStore();

        @Override
        protected IdempotencyStore store() {
            return fake;
        }

        @Override
        protected void claimed(String ownerId, String key, long productId, int quantity, Instant createdAt) {
            fake.claim(ownerId, key, productId, quantity, createdAt);
        }

        @Override
        protected void answered(String ownerId, String key, IdempotencyStore.StoredOutcome outcome, Instant createdAt) {
            fake.claim(ownerId, key, outcome.productId(), outcome.quantity(), createdAt);
            fake.answer(ownerId, key, outcome);
        }
    }

    @Nested
    class LedgerRepositoryFake extends LedgerRepositoryContract {
        final InMemoryLedgerRepository fake = new InMemoryLedgerRepository();

        @Override
        protected LedgerRepository ledger() {
            return fake;
        }

        @Override
        protected long newProductId() {
            return IDS.incrementAndGet();
        }
    }

    @Nested
    class StockLevelRepositoryFake extends StockLevelRepositoryContract {
        final InMemoryStockLevelRepository fake = new InMemoryStockLevelRepository();

        @Override
        protected StockLevelRepository repository() {
            return fake;
        }

        @Override
        protected long newProductId() {
            return IDS.incrementAndGet();
        }
    }
}
