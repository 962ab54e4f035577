package io.shopcore.bootstrap.resilience;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopcore.bootstrap.localservices.ProxiedDatabaseResource;
import io.shopcore.bootstrap.support.LoadRunner;
import io.shopcore.bootstrap.support.ProxiedDatabaseProfile;
import io.shopcore.bootstrap.support.ShopClient;
import io.shopcore.bootstrap.support.ShopClient.Answer;
import io.shopcore.bootstrap.support.TcpProxy;
import io.shopcore.bootstrap.support.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable (a {@link TcpProxy} in front of it is cut): every endpoint that needs the
 * database answers 503 {@code unavailable} with Retry-After, fast and without internals; readiness is
 * DOWN while liveness stays UP; nothing is half-written; and once the proxy heals, everything recovers
 * without a restart (Agroal evicts the broken connections). The second test cuts it in the middle of a load
 * and heals it: every answer is the normal one or that 503, nothing hangs, and what was written is exactly
 * what the clients were told (201s) — a 503 never leaves a reservation behind.
 */
@QuarkusTest
@TestProfile(ProxiedDatabaseProfile.class)
class DatabaseOutageTest {

    /** Generous bound for recovery; the usual case is well under a second. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private static final int THREADS = 6;
    private static final int STOCK = 1_000_000;
    /** Answers of each kind wanted while cut, and after the heal. */
    private static final int ENOUGH = 3;
    /** Load steps: reserve the hot product (with, without key), reserve another, stock, list, product, login. */
    private static final String[] KINDS = {
        "reserve hot keyed", "reserve hot", "reserve other", "stock", "list", "product", "login"
    };

    @AfterEach
    void heal() {
        ProxiedDatabaseResource.proxy().heal();
    }

    @Test
    void givenDatabaseCut_everyEndpoint_answers503WithRetryAfter_andRecoversAfterHeal() {
        TcpProxy proxy = ProxiedDatabaseResource.proxy();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = TestUsers.adminToken();
        String username = "outage-" + suffix;
        TestUsers.register(username, TestUsers.PASSWORD);
        Map<String, Object> tokens =
                logIn(username).then().statusCode(200).extract().as(Map.class);
        String access = (String) tokens.get("access_token");
        String refresh = (String) tokens.get("refresh_token");
        long category = ((Number) given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Outage " + suffix))
                        .post("/api/v1/categories")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        long product = ((Number) given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name",
                                "Outage product " + suffix,
                                "price",
                                1000,
                                "categoryId",
                                category,
                                "initialStock",
                                10))
                        .post("/api/v1/products")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        String reservation = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 1))
                .post("/api/v1/stock/" + product + "/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String lateUser = "outage-late-" + suffix;

        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put("GET /products", () -> given().get("/api/v1/products?categoryId=" + category));
        calls.put("GET /products/{id}", () -> given().get("/api/v1/products/" + product));
        calls.put("GET /categories", () -> given().get("/api/v1/categories"));
        calls.put("POST /auth/token", () -> logIn(username));
        calls.put("GET /auth/me", () -> given().auth().oauth2(access).get("/api/v1/auth/me"));
        calls.put(
                "POST /auth/refresh",
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("refresh_token", refresh))
                        .post("/api/v1/auth/refresh"));
        calls.put(
                "POST /auth/register",
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("username", lateUser, "password", TestUsers.PASSWORD))
                        .post("/api/v1/auth/register"));
        calls.put(
                "POST /products",
                () -> given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Never " + suffix, "price", 5, "categoryId", category, "initialStock", 1))
                        .post("/api/v1/products"));
        calls.put("GET /stock/{id}", () -> given().get("/api/v1/stock/" + product));
        calls.put(
                "POST /stock/{id}/reservations",
                () -> given().auth()
                        .oauth2(access)
                        .contentType(ContentType.JSON)
                        .body(Map.of("quantity", 2))
                        .post("/api/v1/stock/" + product + "/reservations"));
        calls.put(
                "GET /reservations/{id}",
                () -> given().auth().oauth2(access).get("/api/v1/reservations/" + reservation));
        calls.put("GET /reservations", () -> given().auth().oauth2(access).get("/api/v1/reservations"));

        proxy.cut();

        calls.forEach((name, call) -> {
            Response response = call.get();
            assertThat(response.statusCode())
                    .as(name + ": " + response.asString())
                    .isEqualTo(503);
            assertProblem(response.then(), 503, "unavailable")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("detail", not(containsString("Exception")))
                    .body("detail", not(containsString("SQL")));
        });
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(proxy.refusedConnections())
                .as("the application really tried to reach PostgreSQL")
                .isPositive();

        proxy.heal();

        await().atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        Map<String, Integer> healthy = new LinkedHashMap<>();
        healthy.put("GET /products", 200);
        healthy.put("GET /products/{id}", 200);
        healthy.put("GET /categories", 200);
        healthy.put("POST /auth/token", 200);
        healthy.put("GET /auth/me", 200);
        healthy.put("POST /auth/refresh", 200);
        healthy.put("POST /auth/register", 201);
        healthy.put("GET /stock/{id}", 200);
        healthy.put("POST /stock/{id}/reservations", 201);
        healthy.put("GET /reservations/{id}", 200);
        healthy.put("GET /reservations", 200);
        healthy.forEach((name, status) -> await(name)
                .atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(calls.get(name).get().statusCode()).isEqualTo(status)));

        // Nothing the outage refused was half-written: one product in the category, and the stock holds
        // exactly the reservation made before the cut plus the one made after the heal.
        given().get("/api/v1/products?categoryId=" + category)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        given().get("/api/v1/stock/" + product)
                .then()
                .statusCode(200)
                .body("total", equalTo(10))
                .body("reserved", equalTo(3))
                .body("available", equalTo(7));
    }

    @Test
    void givenLoad_databaseCutThenHealed_everyAnswerIsSuccessOr503_recovers_andOnlyAcknowledgedReservationsExist()
            throws Exception {
        TcpProxy proxy = ProxiedDatabaseResource.proxy();
        ShopClient api = new ShopClient(URI.create(RestAssured.baseURI + ":" + RestAssured.port));
        assertThat(ShopClient.TIMEOUT)
                .as("a client timeout means a hang, not a slow pool: it is well above the acquisition timeout (5 s)")
                .isGreaterThan(Duration.ofSeconds(10));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = TestUsers.adminToken();
        long category = api.createCategory(admin, "Database outage mid-load " + suffix);
        List<Long> products = new ArrayList<>();
        for (String kind : List.of("hot", "lamp", "desk", "chair")) {
            products.add(api.createProduct(admin, category, "Mid-load " + kind + " " + suffix, "1000", STOCK));
        }
        long hot = products.get(0);
        List<Long> others = products.subList(1, products.size());
        String buyer = "db-midload-" + suffix;
        api.register(buyer, TestUsers.PASSWORD);
        String customer = api.login(buyer, TestUsers.PASSWORD);
        // One login user per thread: concurrent logins of one user beyond the throttle's limit are 429 by design.
        List<String> loginUsers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            loginUsers.add(buyer + "-" + t);
            api.register(loginUsers.get(t), TestUsers.PASSWORD);
        }
        // Logins answered 503 during the cut are given back to the throttle (no verdict), so each thread's user
        // may be refused any number of times and still logs in after the heal.

        // Every 201 the clients received, by product: reservation id -> quantity.
        Map<Long, Map<String, Integer>> acknowledged = new ConcurrentHashMap<>();
        products.forEach(p -> acknowledged.put(p, new ConcurrentHashMap<>()));
        Queue<Refused> refusedKeyed = new ConcurrentLinkedQueue<>();
        // Units of reservations sent without a key and answered 503, by product (see the final check).
        Map<Long, AtomicLong> refusedUnkeyed = new ConcurrentHashMap<>();
        products.forEach(p -> refusedUnkeyed.put(p, new AtomicLong()));
        AtomicLongArray duringCut = new AtomicLongArray(KINDS.length);
        AtomicLongArray unavailableDuringCut = new AtomicLongArray(KINDS.length);
        AtomicLongArray successAfterHeal = new AtomicLongArray(KINDS.length);
        AtomicLong healedAt = new AtomicLong(Long.MAX_VALUE);

        try (LoadRunner load = LoadRunner.start(THREADS, (thread, n) -> {
            int kind = (int) ((thread + n) % KINDS.length);
            long other = others.get((int) ((n / KINDS.length) % others.size()));
            int quantity = 1 + (int) (n % 3);
            long startedAt = System.nanoTime();
            boolean cutAtStart = proxy.isCut();
            Answer a;
            boolean ok;
            switch (kind) {
                case 0 -> {
                    String key = "db-midload-" + UUID.randomUUID();
                    a = api.reserve(customer, hot, quantity, key);
                    ok = reserved(a, hot, quantity, acknowledged);
                    if (!ok) {
                        refusedKeyed.add(new Refused(key, hot, quantity));
                    }
                }
                case 1 -> {
                    a = api.reserve(customer, hot, quantity, null);
                    ok = reserved(a, hot, quantity, acknowledged);
                    if (!ok) {
                        refusedUnkeyed.get(hot).addAndGet(quantity);
                    }
                }
                case 2 -> {
                    a = api.reserve(customer, other, quantity, null);
                    ok = reserved(a, other, quantity, acknowledged);
                    if (!ok) {
                        refusedUnkeyed.get(other).addAndGet(quantity);
                    }
                }
                case 3 -> {
                    a = api.get("/api/v1/stock/" + other);
                    ok = successOrUnavailable(a, 200);
                    if (ok) {
                        assertThat(a.number("total")).as(a.raw()).isEqualTo(STOCK);
                        assertThat(a.number("available")).as(a.raw()).isEqualTo(STOCK - a.number("reserved"));
                    }
                }
                case 4 -> {
                    a = api.get("/api/v1/products?size=100&sort=id&categoryId=" + category);
                    ok = successOrUnavailable(a, 200);
                    if (ok) {
                        assertThat(a.number("total")).as(a.raw()).isEqualTo(products.size());
                    }
                }
                case 5 -> {
                    a = api.get("/api/v1/products/" + other);
                    ok = successOrUnavailable(a, 200);
                    if (ok) {
                        assertThat(a.number("id")).as(a.raw()).isEqualTo(other);
                    }
                }
                default -> {
                    a = api.post(
                            "/api/v1/auth/token",
                            null,
                            Map.of("username", loginUsers.get(thread), "password", TestUsers.PASSWORD));
                    ok = successOrUnavailable(a, 200);
                    if (ok) {
                        assertThat(a.text("access_token")).as(a.raw()).isNotBlank();
                    }
                }
            }
            if (cutAtStart && proxy.isCut()) {
                duringCut.incrementAndGet(kind);
                if (!ok) {
                    unavailableDuringCut.incrementAndGet(kind);
                }
            } else if (ok && startedAt > healedAt.get()) {
                successAfterHeal.incrementAndGet(kind);
            }
        })) {
            long warmUp = 10L * KINDS.length;
            await("load under way").atMost(RECOVERY).until(() -> load.steps() >= warmUp || load.failureCount() > 0);
            assertThat(load.failures()).as("answers before the cut").isEmpty();

            proxy.cut();

            await("every kind answered during the cut")
                    .atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> allAtLeast(duringCut, ENOUGH) || load.failureCount() > 0);
            Answer ready = api.get("/q/health/ready");
            assertThat(ready.status()).as("readiness while cut: " + ready.raw()).isEqualTo(503);
            assertThat(api.get("/q/health/live").status())
                    .as("liveness while cut")
                    .isEqualTo(200);
            assertThat(proxy.isCut())
                    .as("all of the above happened while PostgreSQL was away")
                    .isTrue();
            assertThat(load.failures()).as("answers during the cut").isEmpty();

            healedAt.set(System.nanoTime());
            proxy.heal();

            await("every kind succeeds again after the heal, without a restart")
                    .atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> allAtLeast(successAfterHeal, ENOUGH) || load.failureCount() > 0);
            load.stop();
            assertThat(load.failures())
                    .as("unexpected answers (or hangs) under load")
                    .isEmpty();
            System.out.printf(
                    "DatabaseOutageTest mid-load: %d steps; during the cut %s answers of which %s 503, after the heal"
                            + " %s successes (%s); %d PostgreSQL connections refused while cut%n",
                    load.steps(),
                    duringCut,
                    unavailableDuringCut,
                    successAfterHeal,
                    String.join(", ", KINDS),
                    proxy.refusedConnections());
        }
        assertThat(proxy.refusedConnections())
                .as("the application really tried to reach PostgreSQL")
                .isPositive();
        assertThat(sum(unavailableDuringCut))
                .as("the cut was felt (some answers were 503)")
                .isPositive();

        // Every keyed reservation answered 503 is sent again with its key. Almost always nothing was stored and it
        // is a new reservation; but when the connection broke while the COMMIT itself was on the wire, PostgreSQL
        // may have committed without anyone being told (the service answered 503 honestly: it could not know).
        // The key is what makes that outcome knowable: the retry answers the stored reservation (replayed). Either
        // way the client ends with exactly one reservation per key, which the count below checks.
        int replayed = 0;
        for (Refused r : refusedKeyed) {
            Answer again = api.reserve(customer, r.product(), r.quantity(), r.key());
            ShopClient.expect(again, 201);
            if (again.header("Idempotent-Replayed") != null) {
                replayed++;
            }
            acknowledged.get(r.product()).put(again.text("id"), r.quantity());
        }
        System.out.printf(
                "DatabaseOutageTest mid-load: %d keyed reservations answered 503 and retried, %d of them had been"
                        + " committed while the connection broke (replayed)%n",
                refusedKeyed.size(), replayed);

        Answer audit = api.audit(admin);
        assertThat(audit.body().path("consistent").asBoolean()).as(audit.raw()).isTrue();
        for (long product : products) {
            Answer level = api.get("/api/v1/stock/" + product);
            ShopClient.expect(level, 200);
            long told = acknowledged.get(product).values().stream()
                    .mapToLong(Integer::longValue)
                    .sum();
            // Without a key, the commit-time case above cannot be told apart by the client: at most the units
            // answered 503 without a key may be reserved beyond what was acknowledged, never fewer.
            assertThat(level.number("reserved"))
                    .as("product " + product + ": reserved = the 201s the clients received (+ at most the units of"
                            + " unkeyed reservations answered 503, whose commit may have been cut in flight)")
                    .isBetween(told, told + refusedUnkeyed.get(product).get());
            Answer own = api.get("/api/v1/stock/audit?productId=" + product, admin);
            assertThat(own.body().path("consistent").asBoolean()).as(own.raw()).isTrue();
        }
    }

    /** A keyed reservation answered 503, to send again after the heal. */
    private record Refused(String key, long product, int quantity) {}

    /** 201 (recorded as acknowledged, by id) or 503 unavailable; anything else fails the step. */
    private static boolean reserved(
            Answer a, long product, int quantity, Map<Long, Map<String, Integer>> acknowledged) {
        if (!successOrUnavailable(a, 201)) {
            return false;
        }
        assertThat(a.header("Idempotent-Replayed"))
                .as("a fresh request replayed: " + a.raw())
                .isNull();
        assertThat(a.number("quantity")).as(a.raw()).isEqualTo(quantity);
        Integer previous = acknowledged.get(product).put(a.text("id"), quantity);
        assertThat(previous).as("reservation id answered twice: " + a.raw()).isNull();
        return true;
    }

    /** True for the normal answer, false for 503 {@code unavailable} with Retry-After; anything else throws. */
    private static boolean successOrUnavailable(Answer a, int success) {
        if (a.status() == success) {
            return true;
        }
        if (a.status() != 503) {
            throw new AssertionError("unexpected answer " + a);
        }
        assertThat(a.header("Content-Type")).as(a.raw()).startsWith("application/problem+json");
        assertThat(a.text("code")).as(a.raw()).isEqualTo("unavailable");
        assertThat(a.header("Retry-After")).as("Retry-After of " + a.raw()).matches("[1-9][0-9]*");
        assertThat(a.text("detail")).as(a.raw()).doesNotContain("Exception").doesNotContain("SQL");
        return false;
    }

    private static boolean allAtLeast(AtomicLongArray counts, long min) {
        for (int i = 0; i < counts.length(); i++) {
            if (counts.get(i) < min) {
                return false;
            }
        }
        return true;
    }

    private static long sum(AtomicLongArray counts) {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    @Test
    void givenDatabaseCut_loginsAnswered503_areNotCountedAgainstTheUser_afterHeal() {
        TcpProxy proxy = ProxiedDatabaseResource.proxy();
        String username = "outage-retry-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.register(username, TestUsers.PASSWORD);

        proxy.cut();
        // More retries than max-failures-per-username (5): none of them got a verdict, so none counts.
        for (int i = 0; i < 6; i++) {
            assertProblem(logIn(username).then(), 503, "unavailable");
        }
        proxy.heal();

        int afterHeal = await().atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> logIn(username).statusCode(), status -> status != 503);
        assertThat(afterHeal)
                .as("the right password after the heal is accepted, not throttled (429)")
                .isEqualTo(200);
    }

    private static Response logIn(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/token");
    }
}
