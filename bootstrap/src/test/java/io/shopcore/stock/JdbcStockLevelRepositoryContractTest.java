package io.shopcore.stock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shopcore.stock.adapter.out.persistence.JdbcStockLevelRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.testing.StockLevelRepositoryContract;
import jakarta.inject.Inject;

/**
 * The stock level contract against PostgreSQL (outside a transaction: every statement autocommits).
 * Runs under its own profile, so the levels it leaves behind (without ledger entries) are cleaned
 * away with the database before the default profile's audits see them.
 */
@QuarkusTest
@TestProfile(StockContractProfile.class)
class JdbcStockLevelRepositoryContractTest extends StockLevelRepositoryContract {

    @Inject
    JdbcStockLevelRepository repository;

    @Override
    protected StockLevelRepository repository() {
        return repository;
    }

    @Override
    protected long newProductId() {
        return StockFixtures.newProductId();
    }
}
