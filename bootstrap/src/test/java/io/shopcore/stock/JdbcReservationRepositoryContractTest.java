package io.shopcore.stock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.JdbcReservationRepository;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.testing.ReservationRepositoryContract;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;

/** The reservation repository contract against PostgreSQL. */
@QuarkusTest
@TestProfile(StockContractProfile.class)
class JdbcReservationRepositoryContractTest extends ReservationRepositoryContract {

    @Inject
    JdbcReservationRepository repository;

    @Inject
    AgroalDataSource ds;

    /** The contract's rows all date from 2001: forget those of earlier tests, nothing else. */
    @BeforeEach
    void forgetEarlierContractRows() {
        StockFixtures.update(ds, "DELETE FROM stock.reservation WHERE created_at < '2002-01-01'");
    }

    @Override
    protected ReservationRepository repository() {
        return repository;
    }

    @Override
    protected void store(Reservation r) {
        StockFixtures.update(
                ds,
                "INSERT INTO stock.reservation (id, product_id, owner_id, quantity, status, expires_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id().value(),
                r.productId(),
                r.ownerId(),
                r.quantity().value(),
                r.status().name(),
                utc(r.expiresAt()),
                utc(r.createdAt()),
                utc(r.createdAt()));
    }

    @Override
    protected long newProductId() {
        return StockFixtures.newProductId();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
