package io.shopcore.bootstrap.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.localservices.ProxiedRedisResource;
import io.shopcore.bootstrap.support.LoadRunner;
import io.shopcore.bootstrap.support.ProxiedRedisProfile;
import io.shopcore.bootstrap.support.ShopClient;
import io.shopcore.bootstrap.support.ShopClient.Answer;
import io.shopcore.bootstrap.support.TcpProxy;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.catalog.adapter.out.cache.TwoTierProductCache;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis cut in the middle of a load (a {@link TcpProxy} in front of it resets every connection), then healed.
 * While it is away every endpoint keeps answering correctly: catalog reads come from PostgreSQL and are never
 * stale (a product changed during the outage is read back changed, by everyone, also after Redis returns),
 * reservations and stock reads work, search answers uncached; readiness stays UP and says degraded. Login
 * throttling falls back to in-process counters and never fails open: after the limit of failed logins for one
 * user, 429, and the right password is refused too, during the outage and after it. When Redis returns, the
 * caches resume by themselves (hits counted again), with no restart.
 */
@QuarkusTest
@TestProfile(ProxiedRedisProfile.class)
class RedisOutageMidLoadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int THREADS = 6;
    private static final int STOCK = 100_000;
    /** Load steps: list, product, search, reserve, stock level. */
    private static final String[] OPS = {"list", "product", "search", "reserve", "stock"};

    @Inject
    MeterRegistry registry;

    @Inject
    TwoTierProductCache productCache;

    @AfterEach
    void heal() {
        ProxiedRedisResource.proxy().heal();
    }

    @Test
    void givenLoad_redisCutThenHealed_everyEndpointAnswersCorrectly_throttleHolds_cachesResume() throws Exception {
        TcpProxy proxy = ProxiedRedisResource.proxy();
        ShopClient api = new ShopClient(URI.create(RestAssured.baseURI + ":" + RestAssured.port));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = TestUsers.adminToken();
        String word = "Lumo" + suffix.replaceAll("[0-9]", "");
        long category = api.createCategory(admin, "Redis outage " + suffix);
        List<Long> products = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (String kind : List.of("lamp", "desk", "chair", "shelf")) {
            String name = word + " " + kind;
            long id = api.createProduct(admin, category, name, "1000", STOCK);
            products.add(id);
            names.put(id, name);
        }
        String buyer = "redis-buyer-" + suffix;
        api.register(buyer, TestUsers.PASSWORD);
        String customer = api.login(buyer, TestUsers.PASSWORD);
        String guessed = "redis-guessed-" + suffix;
        api.register(guessed, TestUsers.PASSWORD);

        Names catalog = new Names(names);
        Map<Long, AtomicLong> acknowledged = new ConcurrentHashMap<>();
        products.forEach(p -> acknowledged.put(p, new AtomicLong()));
        AtomicLongArray duringOutage = new AtomicLongArray(OPS.length);
        AtomicLongArray afterHeal = new AtomicLongArray(OPS.length);
        AtomicLong healedAt = new AtomicLong(Long.MAX_VALUE);

        try (LoadRunner load = LoadRunner.start(THREADS, (thread, n) -> {
            int op = (int) ((thread + n) % OPS.length);
            long product = products.get((int) ((n / OPS.length) % products.size()));
            long startedAt = System.nanoTime();
            boolean cutAtStart = proxy.isCut();
            Map<Long, String> committed = catalog.committed();
            switch (op) {
                case 0 ->
                    checkList(api.get("/api/v1/products?size=100&sort=id&categoryId=" + category), committed, catalog);
                case 1 -> checkProduct(api.get("/api/v1/products/" + product), committed, catalog);
                case 2 ->
                    checkSearch(
                            api.get("/api/v1/search?size=100&q=" + word + "&categoryId=" + category),
                            committed,
                            catalog);
                case 3 -> {
                    Answer a = api.reserve(customer, product, 1, null);
                    ShopClient.expect(a, 201);
                    acknowledged.get(product).incrementAndGet();
                }
                default -> checkStock(api.get("/api/v1/stock/" + product));
            }
            if (cutAtStart && proxy.isCut()) {
                duringOutage.incrementAndGet(op);
            } else if (startedAt > healedAt.get()) {
                afterHeal.incrementAndGet(op);
            }
        })) {
            await("load under way").atMost(PATIENCE).until(() -> load.steps() >= 60);
            double failuresBefore = sum("shopcore_redis_failures_total");

            proxy.cut();

            await("every endpoint answered during the outage")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> allAtLeast(duringOutage, 5) || load.failureCount() > 0);
            assertThat(load.failures()).as("answers during the outage").isEmpty();
            assertThat(proxy.isCut()).isTrue();
            assertThat(sum("shopcore_redis_failures_total"))
                    .as("the application really tried Redis and counted the failures")
                    .isGreaterThan(failuresBefore);
            await("readiness UP, Redis degraded")
                    .atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(redisReadiness(api)).isEqualTo("degraded"));

            // Login throttling, in process: the limit of failures for one user, then 429 even for the right password.
            for (int i = 1; i <= 5; i++) {
                assertThat(logIn(api, guessed, "wrong-password-" + i).status())
                        .as("failed login " + i)
                        .isEqualTo(401);
            }
            assertThrottled(logIn(api, guessed, "wrong-password-6"));
            assertThrottled(logIn(api, guessed, TestUsers.PASSWORD));

            // A change during the outage is read back at once (Redis could not be told; it is bypassed).
            long changed = products.get(0);
            String newName = word + " lamp v2";
            catalog.changing(changed, newName);
            Answer put = api.put(
                    "/api/v1/products/" + changed,
                    admin,
                    Map.of("name", newName, "price", 1200, "categoryId", category));
            ShopClient.expect(put, 200);
            catalog.committed(changed, newName);
            assertThat(api.get("/api/v1/products/" + changed).text("name")).isEqualTo(newName);
            checkList(
                    api.get("/api/v1/products?size=100&sort=id&categoryId=" + category), catalog.committed(), catalog);
            checkSearch(
                    api.get("/api/v1/search?size=100&q=" + word + "&categoryId=" + category),
                    catalog.committed(),
                    catalog);
            assertThat(proxy.isCut())
                    .as("all of the above happened while Redis was away")
                    .isTrue();

            double catalogHits = catalogRedisHits();
            double searchHits = searchHits();
            healedAt.set(System.nanoTime());
            proxy.heal();

            await("readiness reports Redis up again")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(redisReadiness(api)).isEqualTo("up"));
            // Caches resume by themselves: the catalog's Redis tier serves hits again (the near tier is emptied
            // before each probe, as another instance would be), and so does the search cache.
            long probe = products.get(1);
            await("catalog cache hits in Redis again")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        productCache.clearNearCache();
                        checkProduct(api.get("/api/v1/products/" + probe), catalog.committed(), catalog);
                        return catalogRedisHits() > catalogHits;
                    });
            await("search cache hits again")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> searchHits() > searchHits);
            await("every endpoint answered after the heal")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> allAtLeast(afterHeal, 5) || load.failureCount() > 0);

            // Nothing stale came back with Redis: the change made during the outage is what everyone reads.
            productCache.clearNearCache();
            assertThat(api.get("/api/v1/products/" + changed).text("name")).isEqualTo(newName);
            // Still throttled after the heal: the in-process count stays higher than Redis' (which never saw it).
            assertThrottled(logIn(api, guessed, TestUsers.PASSWORD));

            load.stop();
            assertThat(load.failures()).as("unexpected answers under load").isEmpty();
            System.out.printf(
                    "RedisOutageMidLoadTest: %d steps; during the outage %s, after the heal %s (list, product, search, "
                            + "reserve, stock); %d Redis connections refused while cut%n",
                    load.steps(), duringOutage, afterHeal, proxy.refusedConnections());
        }

        for (long product : products) {
            Answer level = api.get("/api/v1/stock/" + product);
            assertThat(level.number("reserved"))
                    .as("every acknowledged reservation of product " + product + " holds its unit, nothing more")
                    .isEqualTo(acknowledged.get(product).get());
            Answer audit = api.get("/api/v1/stock/audit?productId=" + product, admin);
            assertThat(audit.body().path("consistent").asBoolean())
                    .as(audit.raw())
                    .isTrue();
        }
    }

    /** The names readers may see: what was committed when they started, or a change in flight. */
    private static final class Names {
        private volatile Map<Long, String> committed;
        private final Map<Long, String> inFlight = new ConcurrentHashMap<>();

        Names(Map<Long, String> initial) {
            committed = Map.copyOf(initial);
        }

        Map<Long, String> committed() {
            return committed;
        }

        void changing(long id, String name) {
            inFlight.put(id, name);
        }

        void committed(long id, String name) {
            Map<Long, String> next = new HashMap<>(committed);
            next.put(id, name);
            committed = Map.copyOf(next);
            inFlight.remove(id);
        }

        void check(long id, String seen, Map<Long, String> committedAtStart) {
            String expected = committedAtStart.get(id);
            if (!seen.equals(expected) && !seen.equals(inFlight.get(id)) && !seen.equals(committed.get(id))) {
                throw new AssertionError("product " + id + " read as '" + seen + "', expected '" + expected + "'");
            }
        }
    }

    private static void checkList(Answer a, Map<Long, String> committedAtStart, Names names) {
        ShopClient.expect(a, 200);
        assertThat(a.number("total")).as(a.raw()).isEqualTo(committedAtStart.size());
        for (JsonNode item : a.body().path("items")) {
            names.check(item.path("id").asLong(), item.path("name").asText(), committedAtStart);
        }
    }

    private static void checkProduct(Answer a, Map<Long, String> committedAtStart, Names names) {
        ShopClient.expect(a, 200);
        names.check(a.number("id"), a.text("name"), committedAtStart);
    }

    private static void checkSearch(Answer a, Map<Long, String> committedAtStart, Names names) {
        ShopClient.expect(a, 200);
        assertThat(a.number("total")).as(a.raw()).isEqualTo(committedAtStart.size());
        for (JsonNode item : a.body().path("items")) {
            names.check(item.path("id").asLong(), item.path("name").asText(), committedAtStart);
        }
    }

    private static void checkStock(Answer a) {
        ShopClient.expect(a, 200);
        long total = a.number("total");
        long reserved = a.number("reserved");
        assertThat(total).as(a.raw()).isEqualTo(STOCK);
        assertThat(reserved).as(a.raw()).isBetween(0L, total);
        assertThat(a.number("available")).as(a.raw()).isEqualTo(total - reserved);
    }

    private static Answer logIn(ShopClient api, String username, String password) throws IOException {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private static void assertThrottled(Answer a) {
        assertThat(a.status()).as(a.raw()).isEqualTo(429);
        assertThat(a.text("code")).isEqualTo("rate_limited");
        assertThat(a.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
    }

    private static String redisReadiness(ShopClient api) throws IOException {
        Answer ready = api.get("/q/health/ready");
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
        for (JsonNode check : ready.body().path("checks")) {
            if ("redis".equals(check.path("name").asText())) {
                return check.path("data").path("state").asText();
            }
        }
        throw new AssertionError("no redis readiness check: " + ready.raw());
    }

    private static boolean allAtLeast(AtomicLongArray counts, long min) {
        for (int i = 0; i < counts.length(); i++) {
            if (counts.get(i) < min) {
                return false;
            }
        }
        return true;
    }

    private double sum(String counter) {
        return registry.find(counter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double catalogRedisHits() {
        return registry
                .find("shopcore.catalog.cache.requests")
                .tag("tier", "redis")
                .tag("result", "hit")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double searchHits() {
        return registry.find("shopcore.search.cache.requests").tag("result", "hit").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
