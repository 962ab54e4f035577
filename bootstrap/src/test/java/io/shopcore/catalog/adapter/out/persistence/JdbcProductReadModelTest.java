package io.shopcore.catalog.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.testing.ProductReadModelContract;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * {@link ProductReadModelContract} against the JDBC read model over what the JPA repositories wrote,
 * in the real PostgreSQL. Reads run outside any transaction, as the read path does.
 */
@QuarkusTest
class JdbcProductReadModelTest extends ProductReadModelContract {

    @Inject
    JdbcProductReadModel readModel;

    @Inject
    JpaProductRepository products;

    @Inject
    JpaCategoryRepository categories;

    @Override
    protected ProductReadModel readModel() {
        return readModel;
    }

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Override
    protected CategoryRepository categories() {
        return categories;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
