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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopcore.bootstrap.localservices.ProxiedDatabaseResource;
import io.shopcore.bootstrap.support.ProxiedDatabaseProfile;
import io.shopcore.bootstrap.support.TcpProxy;
import io.shopcore.bootstrap.support.TestUsers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable (a {@link TcpProxy} in front of it is cut): every endpoint that needs the
 * database answers 503 {@code unavailable} with Retry-After, fast and without internals; readiness is
 * DOWN while liveness stays UP; nothing is half-written; and once the proxy heals, everything recovers
 * without a restart (Agroal evicts the broken connections).
 */
@QuarkusTest
@TestProfile(ProxiedDatabaseProfile.class)
class DatabaseOutageTest {

    /** Generous bound for recovery; the usual case is well under a second. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

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
