package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.JdbcLedgerRepository;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.testing.LedgerRepositoryContract;
import jakarta.inject.Inject;

/** The ledger contract against PostgreSQL. */
@QuarkusTest
@TestProfile(StockContractProfile.class)
class JdbcLedgerRepositoryContractTest extends LedgerRepositoryContract {

    @Inject
    JdbcLedgerRepository ledger;

    @Override
    protected LedgerRepository ledger() {
        return ledger;
    }

    @Override
    protected long newProductId() {
        return StockFixtures.newProductId();
    }
}
