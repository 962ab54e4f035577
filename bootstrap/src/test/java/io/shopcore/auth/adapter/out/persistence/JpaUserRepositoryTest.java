package io.shopcore.auth.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.testing.UserRepositoryContract;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** {@link UserRepositoryContract} against the JPA adapter and the real PostgreSQL. */
@QuarkusTest
class JpaUserRepositoryTest extends UserRepositoryContract {

    @Inject
    JpaUserRepository users;

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
