package io.shopcore.auth.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.testing.RefreshTokenRepositoryContract;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** {@link RefreshTokenRepositoryContract} against the JPA adapter and the real PostgreSQL. */
@QuarkusTest
class JpaRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    @Inject
    JpaRefreshTokenRepository tokens;

    @Inject
    JpaUserRepository users;

    @Override
    protected RefreshTokenRepository tokens() {
        return tokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
