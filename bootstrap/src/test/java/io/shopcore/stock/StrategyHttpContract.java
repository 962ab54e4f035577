package io.shopcore.stock;

import static io.shopcore.stock.StockFixtures.newProductId;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.stock.api.StockAvailabilityApi;
import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same HTTP-level concurrency checks for whichever strategy the running application was
 * configured with (subclasses pick it with a test profile): the strategies must be
 * indistinguishable from outside, except in speed.
 */
abstract class StrategyHttpContract {

    static final int CLIENTS = 200;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AuditStockUseCase audit;

    @Inject
    AgroalDataSource ds;

    @Inject
    ReservationStrategy strategy;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    abstract Class<? extends ReservationStrategy> expectedStrategy();

    long product(int stock) {
        long id = newProductId();
        stockApi.registerProduct(id, stock);
        return id;
    }

    HttpResponse<String> post(long productId, String token, int quantity, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + RestAssured.port + "/api/v1/stock/" + productId + "/reservations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        return Concurrently.run(n, task);
    }

    @Test
    void theConfiguredStrategyIsActive() {
        assertThat(strategy).isInstanceOf(expectedStrategy());
    }

    @Test
    void given1000Units_200HttpClientsOfOneUnit_exactly1000Created_noServerErrors() throws Exception {
        long id = product(1000);
        String token = TestUsers.customerToken("stock-http-one");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        concurrently(CLIENTS, () -> {
            while (true) {
                int status = post(id, token, 1, null).statusCode();
                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                if (status != 201) {
                    return null;
                }
            }
        });
        assertThat(statuses.keySet()).containsOnly(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(1000);
        assertThat(StockFixtures.reserved(ds, id)).isEqualTo(1000);
        StockFixtures.assertConsistent(audit, id);
    }

    @Test
    void given1000Units_200HttpClientsRandomQuantities_successesSumToReserved() throws Exception {
        long id = product(1000);
        String token = TestUsers.customerToken("stock-http-random");
        AtomicLong sum = new AtomicLong();
        ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();
        concurrently(CLIENTS, () -> {
            while (true) {
                int q = ThreadLocalRandom.current().nextInt(1, 21);
                int status = post(id, token, q, null).statusCode();
                if (status == 201) {
                    sum.addAndGet(q);
                } else {
                    if (status != 409) {
                        unexpected.add(status);
                    }
                    return null;
                }
            }
        });
        assertThat(unexpected).isEmpty();
        assertThat(StockFixtures.reserved(ds, id)).isEqualTo(sum.get()).isLessThanOrEqualTo(1000);
        StockFixtures.assertConsistent(audit, id);
    }

    @Test
    void given20ConcurrentHttpRequestsWithOneKey_oneReservation() throws Exception {
        long id = product(50);
        String token = TestUsers.customerToken("stock-http-key");
        String key = "k-" + UUID.randomUUID();
        List<HttpResponse<String>> responses = concurrently(20, () -> post(id, token, 5, key));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        Set<String> ids = responses.stream()
                .map(r -> {
                    Matcher m = ID.matcher(r.body());
                    assertThat(m.find()).isTrue();
                    return m.group(1);
                })
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        long replayed = responses.stream()
                .filter(r -> r.headers()
                        .firstValue("Idempotent-Replayed")
                        .map("true"::equals)
                        .orElse(false))
                .count();
        assertThat(replayed).isEqualTo(19);
        assertThat(StockFixtures.reserved(ds, id)).isEqualTo(5);
        assertThat(StockFixtures.queryLong(ds, "SELECT count(*) FROM stock.reservation WHERE product_id = ?", id))
                .isEqualTo(1);
        StockFixtures.assertConsistent(audit, id);
    }
}
