package io.shopcore.stock;

import static io.shopcore.stock.JdbcReservationRepositoryContractTest.utc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.JdbcIdempotencyStore;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.IdempotencyStore.StoredOutcome;
import io.shopcore.stock.testing.IdempotencyStoreContract;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The idempotency store contract against PostgreSQL. Rows are written as a reservation transaction
 * leaves them; {@code outcome} codes as documented in docs/modules/stock.md (0 = claimed, not answered).
 */
@QuarkusTest
@TestProfile(StockContractProfile.class)
class JdbcIdempotencyStoreContractTest extends IdempotencyStoreContract {

    static final Map<IdempotencyStore.Kind, Integer> CODES = Map.of(
            IdempotencyStore.Kind.RESERVED,
            201,
            IdempotencyStore.Kind.PRODUCT_NOT_FOUND,
            404,
            IdempotencyStore.Kind.INSUFFICIENT_STOCK,
            409);

    @Inject
    JdbcIdempotencyStore store;

    @Inject
    AgroalDataSource ds;

    /** The contract's rows all date from 2001: forget those of earlier tests, nothing else. */
    @BeforeEach
    void forgetEarlierContractRows() {
        StockFixtures.update(ds, "DELETE FROM stock.idempotency_key WHERE created_at < '2002-01-01'");
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected void claimed(String ownerId, String key, long productId, int quantity, Instant createdAt) {
        StockFixtures.update(
                ds,
                "INSERT INTO stock.idempotency_key (owner_id, idem_key, product_id, quantity, outcome, "
                        + "created_at) VALUES (?, ?, ?, ?, 0, ?)",
                ownerId,
                key,
                productId,
                quantity,
                utc(createdAt));
    }

    @Override
    protected void answered(String ownerId, String key, StoredOutcome outcome, Instant createdAt) {
        StockFixtures.update(
                ds,
                "INSERT INTO stock.idempotency_key (owner_id, idem_key, product_id, quantity, outcome, "
                        + "reservation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ownerId,
                key,
                outcome.productId(),
                outcome.quantity(),
                CODES.get(outcome.kind()),
                outcome.reservationId() == null ? null : outcome.reservationId().value(),
                utc(createdAt));
    }
}
