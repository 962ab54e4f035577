package io.shopcore.catalog.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.testing.ProductRepositoryContract;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** {@link ProductRepositoryContract} against the JPA adapter and the real PostgreSQL. */
@QuarkusTest
class JpaProductRepositoryTest extends ProductRepositoryContract {

    @Inject
    JpaProductRepository products;

    @Inject
    JpaCategoryRepository categories;

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
