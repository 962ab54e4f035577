package io.shopcore.stock;

import static io.shopcore.stock.StockFixtures.newProductId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.infrastructure.capacity.BoundedExecutor;
import io.shopcore.stock.api.StockAvailabilityApi;
import io.shopcore.stock.application.ReserveStockService;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure for the reservations that block a thread (with an Idempotency-Key, or any reservation of
 * a synchronous strategy): one blocking thread and one queue slot; a row lock held from a second
 * connection keeps the thread busy, a second request fills the slot, and the next ones are answered 503
 * + Retry-After at once (while the lock is still held) and write nothing.
 */
@QuarkusTest
@TestProfile(ReservationBackPressureTest.OneThreadOneSlot.class)
class ReservationBackPressureTest {

    public static class OneThreadOneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shopcore.stock.reservation-strategy", "pessimistic",
                    "shopcore.stock.blocking.threads", "1",
                    "shopcore.stock.blocking.queue-capacity", "1",
                    // The held row lock must outlast the test's steps, not the statement timeout.
                    "shopcore.stock.statement-timeout", "25s",
                    "shopcore.stock.blocking.max-queue-time", "60s",
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AuditStockUseCase audit;

    @Inject
    AgroalDataSource ds;

    @Inject
    @Named(ReserveStockService.BLOCKING_EXECUTOR)
    BoundedExecutor blocking;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenBlockingThreadBusyAndQueueFull_nextReservations_are503WithRetryAfterAtOnce_andWriteNothing()
            throws Exception {
        long id = newProductId();
        stockApi.registerProduct(id, 10);
        String token = TestUsers.customerToken("stock-back-pressure");
        String firstKey = "bp-1-" + UUID.randomUUID();
        String refusedKey = "bp-3-" + UUID.randomUUID();

        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> second;
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps =
                    holder.prepareStatement("SELECT total FROM stock.stock_level WHERE product_id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                ps.executeQuery().close();
            }
            try {
                // The one thread: blocked on the row lock inside the pessimistic transaction.
                first = send(id, token, firstKey);
                await().atMost(Duration.ofSeconds(20)).until(() -> blocking.active() == 1);
                // The one queue slot.
                second = send(id, token, null);
                await().atMost(Duration.ofSeconds(20)).until(() -> blocking.queued() == 1);

                // Full: refused at once, with and without a key, while the lock is still held.
                for (String key : new String[] {refusedKey, null}) {
                    HttpResponse<String> refused = send(id, token, key).get();
                    assertThat(refused.statusCode()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(refused.body()).contains("\"code\":\"unavailable\"");
                }
                assertThat(first).isNotDone();
                assertThat(second).isNotDone();
                assertThat(reservations(id)).isZero();
            } finally {
                holder.rollback();
            }
        }

        // Released: the thread's request and the queued one are written; the refused ones never were.
        assertThat(first.get().statusCode()).isEqualTo(201);
        assertThat(second.get().statusCode()).isEqualTo(201);
        assertThat(reservations(id)).isEqualTo(2);
        assertThat(StockFixtures.reserved(ds, id)).isEqualTo(2);
        assertThat(StockFixtures.queryLong(
                        ds, "SELECT count(*) FROM stock.idempotency_key WHERE idem_key = ?", refusedKey))
                .isZero();
        assertThat(StockFixtures.queryLong(
                        ds, "SELECT count(*) FROM stock.idempotency_key WHERE idem_key = ?", firstKey))
                .isEqualTo(1);
        StockFixtures.assertConsistent(audit, id);
    }

    private long reservations(long productId) {
        return StockFixtures.queryLong(ds, "SELECT count(*) FROM stock.reservation WHERE product_id = ?", productId);
    }

    private CompletableFuture<HttpResponse<String>> send(long productId, String token, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/v1/stock/" + productId + "/reservations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
