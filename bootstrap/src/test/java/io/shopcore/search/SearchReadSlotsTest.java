package io.shopcore.search;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.TableLocks;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GET /search runs its statement in {@code shopcore.search.read.*} slots (ReadSlots): one slot here, held by
 * a search that PostgreSQL keeps waiting (the projection table locked from a second connection). A second
 * search then finds no slot within the queue timeout and is answered 503 {@code unavailable} with
 * Retry-After, counted in {@code shopcore.search.read.refused}; once the first is let through, it and every
 * later search answer normally. Result caching is off, so every request reaches the index.
 */
@QuarkusTest
@TestProfile(SearchReadSlotsTest.OneSearchSlot.class)
class SearchReadSlotsTest {

    public static class OneSearchSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shopcore.search.read.max-concurrent", "1",
                    "shopcore.search.read.queue-timeout", "100ms",
                    "shopcore.search.cache-enabled", "false",
                    "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    AgroalDataSource ds;

    @Inject
    MeterRegistry registry;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void givenTheOnlySlotHeld_search_is503WithRetryAfter_thenEverySearchAnswersNormally() throws Exception {
        String word = unique("slotword").replaceAll("[^a-z0-9]", "");
        long category = createCategory(unique("슬롯 Slots"));
        long id = createProduct(category, word + " 블루투스 스피커", "39000", 1);
        given().queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) id));
        double refusedBefore = refused();

        CompletableFuture<HttpResponse<String>> held;
        try (Connection locker = lockSearchTable()) {
            try {
                held = client.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/search?q="
                                        + URLEncoder.encode(word, StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // The first search holds the slot once PostgreSQL makes it wait for the table lock.
                await().atMost(Duration.ofSeconds(20)).until(() -> held.isDone() || searchWaitsOnALock());
                assertThat(held).isNotDone();

                assertProblem(
                                given().queryParam("q", word)
                                        .get("/api/v1/search")
                                        .then(),
                                503,
                                "unavailable")
                        .header("Retry-After", notNullValue());
                assertThat(refused()).isEqualTo(refusedBefore + 1);
            } finally {
                locker.rollback();
            }
        }

        HttpResponse<String> first = held.get(20, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"id\":" + id);
        given().queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) id));
        assertThat(refused()).isEqualTo(refusedBefore + 1);
    }

    private double refused() {
        return registry.get("shopcore.search.read.refused").counter().count();
    }

    private Connection lockSearchTable() throws SQLException {
        return TableLocks.lockExclusively(ds, "search.products");
    }

    private boolean searchWaitsOnALock() throws SQLException {
        return TableLocks.statementWaitsOnALock(ds, "%FROM search.products%");
    }
}
