package io.shopcore.bootstrap.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopcore.bootstrap.support.TestUsers;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Property-style fuzzing of every auth, catalog and stock endpoint (POST, PUT and GET; search lives on
 * another branch): generated malformed and boundary bodies, path ids and query parameters. Properties:
 * never a 5xx, every 4xx is problem+json, and nothing changes (row counts of every table of every
 * module, and the admin stock audit, are identical before and after).
 *
 * <p>Generated from a seeded {@link Random} (seed printed; rerun one with {@code -Dfuzz.seed=N}), in
 * a plain JUnit test: jqwik's engine cannot drive a {@code @QuarkusTest}, whose application lifecycle is a
 * Jupiter extension (see docs/operations.md, "Abuse limits"). Every generated body breaks at least one
 * rule, so no request may legitimately write.
 */
@QuarkusTest
class EndpointFuzzTest {

    private static final int CASES = 400;

    @Inject
    AgroalDataSource db;

    @Inject
    RedisDataSource redis;

    private final List<String> failures = new ArrayList<>();

    // ---- generators ---------------------------------------------------------------------------------

    /** Leaving these out keeps a body valid (defaults apply), so they are broken, never removed. */
    private static final java.util.Set<String> OPTIONAL_FIELDS =
            java.util.Set.of("description", "currency", "initialStock");

    private static final Object[] NOT_A_STRING = {123, -1, 1.5, true, false, List.of("x"), Map.of("a", 1)};
    private static final Object[] NOT_AN_INTEGER = {
        "1",
        "abc",
        1.5,
        -0.5,
        true,
        List.of(1),
        Map.of("a", 1),
        1e300,
        new java.math.BigInteger("99999999999999999999999999")
    };

    private static Object pick(Random r, Object... options) {
        return options[r.nextInt(options.length)];
    }

    private static String randomText(Random r, int min, int max) {
        int n = min + r.nextInt(Math.max(1, max - min + 1));
        StringBuilder b = new StringBuilder(n);
        String alphabet = "aZ9._- !@#$%^&*()[]{}<>'\"\\/\u0000\u0007\t\n한글é\uD83D\uDE00";
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Bodies that are not one valid JSON object of the right shape. */
    private static String junkBody(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[]";
            case 3 -> "null";
            case 4 -> "\"text\"";
            case 5 -> "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}";
            case 6 -> randomText(r, 1, 200);
            case 7 -> "{\"x\":1}{\"y\":2}";
            case 8 -> "{\"name\":\"x\",}";
            default -> "{\"" + randomText(r, 1, 10) + "\":" + pick(r, "1", "true", "null", "{}", "[]") + "}";
        };
    }

    /** A valid body with exactly one rule broken: a field wrongly typed, out of range, missing, or an extra field. */
    private static Map<String, Object> breakOne(
            Random r, Map<String, Object> valid, Map<String, Supplier<Object>> invalidValues) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        int how = r.nextInt(10);
        if (how == 0) {
            body.put(
                    pick(r, "id", "available", "createdAt", "roles", "status", "unknown")
                            .toString(),
                    pick(r, 1, "admin", true));
            return body;
        }
        List<String> fields = new ArrayList<>(invalidValues.keySet());
        String field = fields.get(r.nextInt(fields.size()));
        if (how == 1 && !OPTIONAL_FIELDS.contains(field)) {
            body.remove(field);
        } else {
            body.put(field, invalidValues.get(field).get());
        }
        return body;
    }

    private static String badId(Random r) {
        return pick(r, "abc", "0", "-1", "1.5", "99999999999999999999999", "%20", "1;DROP", "1e3", "0x10", "null")
                .toString();
    }

    /** A malformed query value, percent-encoded (requests go out with REST Assured's own encoding off). */
    private static String badQuery(Random r) {
        return java.net.URLEncoder.encode(rawBadQuery(r), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String rawBadQuery(Random r) {
        return pick(
                        r,
                        "-1",
                        "abc",
                        "1.5",
                        "99999999999999999999",
                        "",
                        "\u0000",
                        "1e9",
                        "0",
                        "101",
                        "1000",
                        "price;--",
                        randomText(r, 1, 40))
                .toString();
    }

    // ---- requests ---------------------------------------------------------------------------------------

    private RequestSpecification as(String token) {
        // Encoding off: query values are encoded by the generator, and paths must reach the server as generated.
        RequestSpecification spec = given().urlEncodingEnabled(false);
        return token == null ? spec : spec.header("Authorization", TestUsers.bearer(token));
    }

    private void check(String what, Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + response.asString());
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " without problem+json: " + response.contentType());
        }
    }

    private void send(String method, String path, String token, Object body, String what) {
        RequestSpecification spec = as(token).contentType(ContentType.JSON);
        if (body instanceof String s) {
            spec = spec.body(s);
        } else if (body != null) {
            spec = spec.body(body);
        }
        Response response = switch (method) {
            case "POST" -> spec.post(path);
            case "PUT" -> spec.put(path);
            default -> spec.get(path);
        };
        check(method + " " + path + " " + what, response);
    }

    // ---- state ----------------------------------------------------------------------------------------

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                            + "WHERE table_schema IN ('auth', 'catalog', 'stock', 'search') AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private String stockAudit(String admin) {
        return as(admin)
                .get("/api/v1/stock/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private String stockOf(long productId) {
        return given().get("/api/v1/stock/" + productId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private void clearLocalThrottleCounters() {
        redis.key()
                .del(
                        "auth:login-failures:addr:127.0.0.1",
                        "auth:register-attempts:addr:127.0.0.1",
                        "auth:refresh-attempts:addr:127.0.0.1");
    }

    @Test
    void givenGeneratedMalformedInput_everyEndpoint_neverAnswers5xxAndChangesNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261129L);
        Random r = new Random(seed);
        String admin = TestUsers.adminToken();
        String customer = TestUsers.customerToken("fuzz-customer");
        long categoryId = ((Number) as(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "fuzz-" + UUID.randomUUID()))
                        .post("/api/v1/categories")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        Map<String, Object> validProduct = Map.of(
                "name", "fuzz product", "price", 1000, "currency", "KRW", "categoryId", categoryId, "initialStock", 10);
        long productId = ((Number) as(admin)
                        .contentType(ContentType.JSON)
                        .body(validProduct)
                        .post("/api/v1/products")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        String reservationId = as(customer)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 1))
                .post("/api/v1/stock/" + productId + "/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        clearLocalThrottleCounters();

        Map<String, Long> rowsBefore = rowCounts();
        String auditBefore = stockAudit(admin);
        String stockBefore = stockOf(productId);
        String productBefore = given().get("/api/v1/products/" + productId)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        Map<String, Supplier<Object>> credentials = Map.of(
                "username",
                        () -> pick(
                                r,
                                "",
                                "ab",
                                "a".repeat(65),
                                "bad name",
                                "x/../y",
                                "admin\u0000",
                                null,
                                pick(r, NOT_A_STRING)),
                "password", () -> pick(r, "", "short", "p".repeat(129), null, 12345678, pick(r, NOT_A_STRING)));
        Map<String, Supplier<Object>> product = Map.of(
                "name", () -> pick(r, "", "   ", "n".repeat(201), null, pick(r, NOT_A_STRING)),
                "description", () -> pick(r, "d".repeat(2001), pick(r, NOT_A_STRING)),
                "price", () -> pick(r, -1, -0.01, "1000", "abc", null, true, List.of(1), "1e5", 1e300),
                "currency", () -> pick(r, "krw", "KR", "KRWW", "12A", "", 1, List.of("KRW")),
                "categoryId", () -> pick(r, 0, -1, null, "1", 1.5, new java.math.BigInteger("99999999999999999999")),
                "initialStock", () -> pick(r, -1, 1.5, "10", 2_000_000_000, true));
        Map<String, Supplier<Object>> reservation =
                Map.of("quantity", () -> pick(r, 0, -1, 1001, 1.5, "1", null, true, List.of(1), 2_147_483_648L, 1e300));
        Map<String, Supplier<Object>> adjustment = Map.of(
                "delta", () -> pick(r, 1_000_000_001, -1_000_000_001, "5", 1.5, null, true),
                "reason", () -> pick(r, "", " ", "r".repeat(501), null, 5, List.of("x")));

        for (int i = 0; i < CASES; i++) {
            if (i % 50 == 0) {
                clearLocalThrottleCounters();
            }
            boolean junk = r.nextInt(4) == 0;
            String tag = "#" + i;
            switch (r.nextInt(16)) {
                case 0 ->
                    send(
                            "POST",
                            "/api/v1/auth/register",
                            null,
                            junk
                                    ? junkBody(r)
                                    : breakOne(
                                            r,
                                            Map.of("username", "fuzz" + i + "x", "password", "long-enough-1"),
                                            credentials),
                            tag);
                case 1 ->
                    send(
                            "POST",
                            "/api/v1/auth/token",
                            null,
                            junk
                                    ? junkBody(r)
                                    : breakOne(
                                            r,
                                            Map.of("username", "fuzz-customer", "password", TestUsers.PASSWORD),
                                            credentials),
                            tag);
                case 2 ->
                    send(
                            "POST",
                            "/api/v1/auth/refresh",
                            null,
                            junk
                                    ? junkBody(r)
                                    : Map.of(
                                            "refresh_token",
                                            pick(r, "", randomText(r, 1, 300), "a".repeat(300), 1, List.of("x"))),
                            tag);
                case 3 ->
                    send(
                            "GET",
                            "/api/v1/auth/me",
                            pick(r, "garbage", "a.b.c", customer + "x", "").toString(),
                            null,
                            tag);
                case 4 ->
                    send(
                            "POST",
                            "/api/v1/categories",
                            admin,
                            junk
                                    ? junkBody(r)
                                    : breakOne(
                                            r,
                                            Map.of("name", "fuzz cat " + i),
                                            Map.of(
                                                    "name",
                                                    () -> pick(
                                                            r, "", " ", "c".repeat(101), null, pick(r, NOT_A_STRING)))),
                            tag);
                case 5 ->
                    send(
                            "POST",
                            "/api/v1/products",
                            admin,
                            junk ? junkBody(r) : breakOne(r, validProduct, product),
                            tag);
                case 6 ->
                    send(
                            "PUT",
                            "/api/v1/products/" + (r.nextBoolean() ? productId : badId(r)),
                            admin,
                            junk ? junkBody(r) : breakOne(r, validProduct, product),
                            tag);
                case 7 ->
                    send(
                            "GET",
                            "/api/v1/products?" + pick(r, "page", "size", "categoryId", "sort") + "=" + badQuery(r),
                            null,
                            null,
                            tag);
                case 8 -> send("GET", "/api/v1/products/" + badId(r), null, null, tag);
                case 9 -> send("GET", "/api/v1/stock/" + badId(r), null, null, tag);
                case 10 ->
                    send(
                            "POST",
                            "/api/v1/stock/" + (r.nextBoolean() ? productId : badId(r)) + "/reservations",
                            customer,
                            junk ? junkBody(r) : breakOne(r, Map.of("quantity", 1), reservation),
                            tag);
                case 11 ->
                    send(
                            "POST",
                            "/api/v1/stock/" + (r.nextBoolean() ? productId : badId(r)) + "/adjustments",
                            admin,
                            junk ? junkBody(r) : breakOne(r, Map.of("delta", 5, "reason", "fuzz"), adjustment),
                            tag);
                case 12 ->
                    send(
                            "GET",
                            "/api/v1/stock/" + (r.nextBoolean() ? productId : badId(r)) + "/ledger?"
                                    + pick(r, "page", "size") + "=" + badQuery(r),
                            admin,
                            null,
                            tag);
                case 13 ->
                    send(
                            "GET",
                            "/api/v1/reservations?" + pick(r, "status", "page", "size") + "=" + badQuery(r),
                            customer,
                            null,
                            tag);
                case 14 ->
                    send(
                            "POST",
                            "/api/v1/reservations/"
                                    + pick(r, badId(r), UUID.randomUUID().toString(), reservationId + "x")
                                    + pick(r, "/confirm", "/release"),
                            customer,
                            null,
                            tag);
                default -> send("GET", "/api/v1/stock/audit?productId=" + badQuery(r), admin, null, tag);
            }
        }
        clearLocalThrottleCounters();

        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(rowCounts()).as("row counts, seed %d", seed).isEqualTo(rowsBefore);
        assertThat(stockAudit(admin)).as("stock audit, seed %d", seed).isEqualTo(auditBefore);
        assertThat(stockOf(productId)).isEqualTo(stockBefore);
        assertThat(given().get("/api/v1/products/" + productId).then().extract().asString())
                .isEqualTo(productBefore);
        given().header("Authorization", TestUsers.bearer(customer))
                .get("/api/v1/reservations/" + reservationId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("HELD"));
    }
}
