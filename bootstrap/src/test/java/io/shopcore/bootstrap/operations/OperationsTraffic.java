package io.shopcore.bootstrap.operations;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.catalog.support.CatalogApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A varied run against the test instance, as an operator's day would bring: sign-up, logins that
 * succeed, fail and get throttled, a refresh, catalog pages and details, unknown paths and ids, stock
 * reads, a reservation that is confirmed and one that is released, validation errors. Every value a
 * client chose (usernames, passwords, tokens, ids, paths) is kept in {@link #clientValues()} and
 * {@link #secrets()}, so tests can check that none of them reaches a metric label or a log line.
 */
final class OperationsTraffic {

    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String username = "ops" + suffix;
    final String throttledUser = "thr" + suffix;
    final String password = "Pw-" + suffix + "-secret";
    final String wrongPassword = "Wrong-" + suffix + "-pass";
    final String badPassword = "BadPw" + suffix; // sent in a request that fails validation
    final String clientRequestId = "client-rid-" + suffix;
    final List<String> secrets = new ArrayList<>();
    final List<String> clientValues = new ArrayList<>();
    final List<String> requestIds = new ArrayList<>();
    long productId;
    String refreshToken;
    String accessToken;

    OperationsTraffic run() {
        long category = CatalogApi.createCategory(CatalogApi.unique("ops"));
        productId = CatalogApi.createProduct(category, CatalogApi.unique("ops product"), "1200", 50);

        // Sign-up, good login, refresh, me.
        post("/api/v1/auth/register", Map.of("username", username, "password", password), 201, null);
        Response login = post("/api/v1/auth/token", Map.of("username", username, "password", password), 200, null);
        accessToken = login.path("access_token");
        refreshToken = login.path("refresh_token");
        Response refreshed = post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), 200, null);
        String refreshedAccess = refreshed.path("access_token");
        String refreshedRefresh = refreshed.path("refresh_token");
        given().auth().oauth2(refreshedAccess).get("/api/v1/auth/me").then().statusCode(200);

        // Failed logins: wrong password, then enough failures on another user to be throttled.
        post("/api/v1/auth/token", Map.of("username", username, "password", wrongPassword), 401, null);
        TestUsers.register(throttledUser, password);
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = given().contentType(ContentType.JSON)
                    .body(Map.of("username", throttledUser, "password", wrongPassword + i))
                    .post("/api/v1/auth/token")
                    .statusCode();
        }
        if (status != 429) {
            throw new AssertionError("login throttling never answered 429");
        }
        // A validation error that carries the password field (too short a username).
        post("/api/v1/auth/register", Map.of("username", "x", "password", badPassword), 400, null);
        // A client-chosen request id, kept as is.
        given().header("X-Request-Id", clientRequestId)
                .get("/api/v1/products?page=0&size=5")
                .then()
                .statusCode(200);

        // Catalog reads, known and unknown.
        given().get("/api/v1/products?page=0&size=5").then().statusCode(200);
        given().get("/api/v1/products?page=1&size=3&sort=-price").then().statusCode(200);
        given().get("/api/v1/products/" + productId).then().statusCode(200);
        given().get("/api/v1/products/" + productId).then().statusCode(200);
        given().get("/api/v1/products/12345678").then().statusCode(404);
        given().get("/api/v1/products/not-a-number").then().statusCode(400);
        given().get("/nope/xyz").then().statusCode(404);
        given().get("/api/v1/nope-" + suffix).then().statusCode(404);
        given().get("/api/v1/categories").then().statusCode(200);

        // Searches: a product search, and a price search nothing answers (shopcore_searches_total, path none).
        given().get("/api/v1/search?q=earbuds-" + suffix).then().statusCode(200);
        post("/api/v1/price/search", Map.of("query", "no such thing " + suffix), 404, null);

        // Stock: reads, a reservation confirmed, one released, one too large.
        given().get("/api/v1/stock/" + productId).then().statusCode(200);
        given().get("/api/v1/stock/987654321").then().statusCode(404);
        String held = reserve(2, 201);
        given().auth()
                .oauth2(accessToken)
                .post("/api/v1/reservations/" + held + "/confirm")
                .then()
                .statusCode(200);
        String released = reserve(1, 201);
        given().auth()
                .oauth2(accessToken)
                .post("/api/v1/reservations/" + released + "/release")
                .then()
                .statusCode(200);
        reserve(100_000, 400);
        reserve(1000, 409);
        given().auth()
                .oauth2(accessToken)
                .get("/api/v1/reservations/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().get("/api/v1/stock/" + productId).then().statusCode(200);
        given().header("Authorization", "Bearer not.a.token")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);

        secrets.addAll(List.of(
                password,
                wrongPassword,
                badPassword,
                accessToken,
                refreshToken,
                refreshedAccess,
                refreshedRefresh,
                "not.a.token"));
        clientValues.addAll(List.of(
                username,
                throttledUser,
                String.valueOf(productId),
                "12345678",
                "987654321",
                "not-a-number",
                "nope",
                "xyz",
                "nope-" + suffix,
                held,
                released,
                suffix));
        return this;
    }

    private String reserve(int quantity, int expected) {
        Response r = given().auth()
                .oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", quantity))
                .post("/api/v1/stock/" + productId + "/reservations");
        r.then().statusCode(expected);
        requestIds.add(r.header("X-Request-Id"));
        return expected == 201 ? r.path("id") : null;
    }

    private Response post(String path, Object body, int expected, String token) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        Response r = spec.post(path);
        r.then().statusCode(expected);
        requestIds.add(r.header("X-Request-Id"));
        return r;
    }

    List<String> secrets() {
        return secrets;
    }

    List<String> clientValues() {
        return clientValues;
    }
}
