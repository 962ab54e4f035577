package io.shopcore.stock;

import static io.shopcore.stock.StockFixtures.newProductId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.api.StockAvailabilityApi;
import io.shopcore.stock.application.ReserveStockService;
import io.shopcore.stock.application.StockSettings;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase.Command;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Quantity;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A slow database: the product's stock row is locked from a second connection ({@code SELECT ... FOR
 * UPDATE} in an open transaction) while a reservation wants it. For every strategy the client gets either
 * a 201 whose reservation exists, or a 503 after which there is no reservation and the stock is unchanged
 * — never a 503 for a reservation that then commits. The statement timeout is 1 s here, so a lock held
 * until the answer arrives always produces the 503 case.
 */
@QuarkusTest
@TestProfile(SlowDatabaseReservationTest.ShortStatementTimeout.class)
class SlowDatabaseReservationTest {

    public static class ShortStatementTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shopcore.stock.statement-timeout", "1s", "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    PessimisticJdbcReservationStrategy pessimistic;

    @Inject
    AtomicJdbcReservationStrategy atomic;

    @Inject
    BatchingJdbcReservationStrategy batched;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    ReservationRepository reservations;

    @Inject
    StockSettings settings;

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AuditStockUseCase audit;

    @Inject
    AgroalDataSource ds;

    @Inject
    @Named(ReserveStockService.BLOCKING_EXECUTOR)
    Executor blocking;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReserveStockUseCase useCase(String strategy) {
        ReservationStrategy s = switch (strategy) {
            case "pessimistic" -> pessimistic;
            case "atomic" -> atomic;
            case "batched" -> batched;
            default -> throw new IllegalArgumentException(strategy);
        };
        return new ReserveStockService(s, idempotency, reservations, settings, blocking);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void givenRowLockedUntilTheAnswer_reserve_isUnavailable_andNothingIsWrittenAfterwards(String strategy)
            throws Exception {
        for (String key : new String[] {null, "slow-" + UUID.randomUUID()}) {
            long id = product(10);
            try (Connection holder = lockRow(id)) {
                try {
                    assertThatThrownBy(() -> useCase(strategy).reserve(command(id, 3, key)))
                            .isInstanceOf(StoreUnavailableException.class);
                } finally {
                    holder.rollback();
                }
            }
            assertNothingWrittenThenFreeAgain(strategy, id, key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pessimistic", "atomic", "batched"})
    void givenRowLockReleasedWhileTheReservationWaits_answerIsEitherAReservationThatExists_orNothingWritten(
            String strategy) throws Exception {
        for (String key : new String[] {null, "slow-" + UUID.randomUUID()}) {
            long id = product(10);
            CompletableFuture<ReserveStockUseCase.Result> answer;
            try (Connection holder = lockRow(id)) {
                try {
                    answer = CompletableFuture.supplyAsync(
                            () -> useCase(strategy).reserve(command(id, 3, key)));
                    await().atMost(Duration.ofSeconds(20)).until(() -> answer.isDone() || waitingOnALock());
                } finally {
                    holder.rollback();
                }
            }
            ReserveStockUseCase.Result result;
            try {
                result = answer.join();
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreUnavailableException.class);
                assertNothingWrittenThenFreeAgain(strategy, id, key);
                continue;
            }
            assertThat(result).isInstanceOf(ReserveStockUseCase.Reserved.class);
            var reserved = (ReserveStockUseCase.Reserved) result;
            assertThat(reservations.find(reserved.reservation().id())).isPresent();
            assertThat(StockFixtures.reserved(ds, id)).isEqualTo(3);
            StockFixtures.assertConsistent(audit, id);
        }
    }

    /** Over HTTP, with the application's own strategy: 503 + Retry-After, and nothing written. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void givenRowLockedUntilTheAnswer_httpReservation_is503WithRetryAfter_andNothingIsWritten(boolean withKey)
            throws Exception {
        long id = product(10);
        String key = withKey ? "slow-http-" + UUID.randomUUID() : null;
        String token = TestUsers.customerToken("stock-slow-db");
        HttpResponse<String> response;
        try (Connection holder = lockRow(id)) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + RestAssured.port + "/api/v1/stock/" + id + "/reservations"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":3}"));
                if (key != null) {
                    b.header("Idempotency-Key", key);
                }
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                holder.rollback();
            }
        }
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"code\":\"unavailable\"");
        assertThat(reservationCount(id)).isZero();
        assertThat(StockFixtures.reserved(ds, id)).isZero();
        if (key != null) {
            assertThat(keyCount(key)).isZero();
        }
    }

    /**
     * No reservation, stock unchanged, key not stored; then, with the lock gone, a new reservation goes
     * through and is the only one (so no transaction of the refused request was still waiting to commit).
     */
    private void assertNothingWrittenThenFreeAgain(String strategy, long id, String key) {
        assertThat(reservationCount(id)).isZero();
        assertThat(StockFixtures.reserved(ds, id)).isZero();
        if (key != null) {
            assertThat(keyCount(key)).isZero();
        }
        var next = useCase(strategy).reserve(command(id, 1, null));
        assertThat(next).isInstanceOf(ReserveStockUseCase.Reserved.class);
        assertThat(reservationCount(id)).isEqualTo(1);
        assertThat(StockFixtures.reserved(ds, id)).isEqualTo(1);
        StockFixtures.assertConsistent(audit, id);
    }

    private long product(int stock) {
        long id = newProductId();
        stockApi.registerProduct(id, stock);
        return id;
    }

    private static Command command(long productId, int quantity, String key) {
        return new Command(productId, Quantity.of(quantity), "slow-db-owner", key);
    }

    /** A connection in an open transaction that holds the product's stock row lock. */
    private Connection lockRow(long productId) throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps =
                c.prepareStatement("SELECT total FROM stock.stock_level WHERE product_id = ? FOR UPDATE")) {
            ps.setLong(1, productId);
            ps.executeQuery().close();
        }
        return c;
    }

    private boolean waitingOnALock() {
        return StockFixtures.queryLong(
                        ds,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                + "AND wait_event_type = 'Lock'")
                > 0;
    }

    private long reservationCount(long productId) {
        return StockFixtures.queryLong(ds, "SELECT count(*) FROM stock.reservation WHERE product_id = ?", productId);
    }

    private long keyCount(String key) {
        return StockFixtures.queryLong(ds, "SELECT count(*) FROM stock.idempotency_key WHERE idem_key = ?", key);
    }
}
