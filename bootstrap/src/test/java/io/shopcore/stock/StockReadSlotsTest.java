package io.shopcore.stock;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.stock.StockFixtures.newProductId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.TableLocks;
import io.shopcore.stock.api.StockAvailabilityApi;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GET /stock/{id} runs in {@code shopcore.stock.read.*} slots (ReadSlots): one slot here, held by a read
 * that PostgreSQL keeps waiting (the stock table locked from a second connection). A second read then finds
 * no slot within the queue timeout and is answered 503 {@code unavailable} with Retry-After, counted in
 * {@code shopcore.stock.read.refused}; nothing else changes, and once the first read is let through both it
 * and every later read answer normally.
 */
@QuarkusTest
@TestProfile(StockReadSlotsTest.OneReadSlot.class)
class StockReadSlotsTest {

    public static class OneReadSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shopcore.stock.read.max-concurrent", "1",
                    "shopcore.stock.read.queue-timeout", "100ms",
                    // no sweeper touching the stock table while it is locked
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AgroalDataSource ds;

    @Inject
    MeterRegistry registry;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenAFreeSlot_stockLevel_answersNormally_andNothingIsRefused() {
        long id = product(7);
        double refusedBefore = refused();

        given().get("/api/v1/stock/{id}", id)
                .then()
                .statusCode(200)
                .body("productId", equalTo(id))
                .body("total", equalTo(7))
                .body("reserved", equalTo(0))
                .body("available", equalTo(7));

        assertThat(refused()).isEqualTo(refusedBefore);
    }

    @Test
    void givenTheOnlySlotHeld_stockLevel_is503WithRetryAfter_thenEveryReadAnswersNormally() throws Exception {
        long id = product(5);
        double refusedBefore = refused();
        CompletableFuture<HttpResponse<String>> held;
        try (Connection locker = lockStockTable()) {
            try {
                held = client.sendAsync(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/stock/" + id))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // The first read holds the slot once PostgreSQL makes it wait for the table lock.
                await().atMost(Duration.ofSeconds(20)).until(() -> held.isDone() || stockReadWaitsOnALock());
                assertThat(held).isNotDone();

                assertProblem(given().get("/api/v1/stock/{id}", id).then(), 503, "unavailable")
                        .header("Retry-After", notNullValue());
                assertThat(refused()).isEqualTo(refusedBefore + 1);
            } finally {
                locker.rollback();
            }
        }

        HttpResponse<String> first = held.get(20, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"available\":5");
        given().get("/api/v1/stock/{id}", id).then().statusCode(200).body("available", equalTo(5));
        assertThat(refused()).isEqualTo(refusedBefore + 1);
    }

    private long product(int stock) {
        long id = newProductId();
        stockApi.registerProduct(id, stock);
        return id;
    }

    private double refused() {
        return registry.get("shopcore.stock.read.refused").counter().count();
    }

    private Connection lockStockTable() throws SQLException {
        return TableLocks.lockExclusively(ds, "stock.stock_level");
    }

    private boolean stockReadWaitsOnALock() throws SQLException {
        return TableLocks.statementWaitsOnALock(ds, "SELECT total, reserved FROM stock.stock_level%");
    }
}
