package io.shopcore.auth.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.in.LogInUseCase;
import io.shopcore.auth.application.port.in.RefreshTokensUseCase;
import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import io.shopcore.bootstrap.support.Concurrently;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The part of the refresh-token contract only the database can keep: {@code findByHashForUpdate}
 * locks the row, so one of two concurrent uses wins and the other sees the token spent.
 */
@QuarkusTest
class RefreshTokenRowLockTest {

    @Inject
    JpaRefreshTokenRepository tokens;

    @Inject
    JpaUserRepository users;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegisterUserUseCase register;

    @Inject
    LogInUseCase logIn;

    @Inject
    RefreshTokensUseCase refresh;

    @Test
    void givenATokenLockedByOneTransaction_findByHashForUpdate_waitsAndThenSeesItSpent() throws Exception {
        User owner = User.register(
                new Username("lock-" + UUID.randomUUID().toString().substring(0, 8)), "h", Instant.now());
        QuarkusTransaction.requiringNew().run(() -> users.addIfUsernameFree(owner));
        RefreshToken token = RefreshToken.startFamily(
                owner.id(), "lock-" + UUID.randomUUID(), Instant.now().plusSeconds(600));
        QuarkusTransaction.requiringNew().run(() -> tokens.add(token));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first =
                    pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        RefreshToken mine =
                                tokens.findByHashForUpdate(token.tokenHash()).orElseThrow();
                        locked.countDown();
                        await(finish);
                        mine.use(Instant.now());
                        tokens.updateState(mine);
                    }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<RefreshToken.State> second = pool.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> tokens.findByHashForUpdate(token.tokenHash())
                            .orElseThrow()
                            .state()));

            awaitBackendWaitingForALock();
            assertThat(second.isDone()).isFalse();
            finish.countDown();

            first.get(30, TimeUnit.SECONDS);
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(RefreshToken.State.SPENT);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void givenOneRefreshTokenUsedConcurrently_refresh_issuesExactlyOnePairAndRevokesTheFamily() throws Exception {
        String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
        register.register(new RegisterUserUseCase.Command(name, "long-enough-password"));
        String refreshToken = ((LogInUseCase.Result.Issued)
                        logIn.logIn(new LogInUseCase.Command(name, "long-enough-password", "192.0.2.10")))
                .tokens()
                .refreshToken();

        List<RefreshTokensUseCase.Result> results =
                Concurrently.run(6, () -> refresh.refresh(new RefreshTokensUseCase.Command(refreshToken)));

        List<RefreshTokensUseCase.Result> issued = results.stream()
                .filter(r -> r instanceof RefreshTokensUseCase.Result.Issued)
                .toList();
        assertThat(issued).hasSize(1);
        String next = ((RefreshTokensUseCase.Result.Issued) issued.getFirst())
                .tokens()
                .refreshToken();
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(next)))
                .as("a reuse revoked the family, the winner's new token included")
                .isInstanceOf(RefreshTokensUseCase.Result.Rejected.class);
    }

    /** Polls PostgreSQL until a backend waits for a row lock on the refresh-token table. */
    private void awaitBackendWaitingForALock() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and datname = current_database() and query ilike '%refresh_token%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(5); // polling interval, not a wait that hopes: the condition above decides
        }
        throw new AssertionError("no transaction ever waited for the refresh-token row lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
