package io.shopcore.catalog.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.testing.CategoryRepositoryContract;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** {@link CategoryRepositoryContract} against the JPA adapter and the real PostgreSQL. */
@QuarkusTest
class JpaCategoryRepositoryTest extends CategoryRepositoryContract {

    @Inject
    JpaCategoryRepository categories;

    @Override
    protected CategoryRepository categories() {
        return categories;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
