package io.shopcore.stock;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.stock.StockFixtures.newProductId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.stock.api.StockAvailabilityApi;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stock and reservation endpoints over HTTP: contract, bad input, ownership, idempotency, roles. */
@QuarkusTest
class StockApiTest {

    static final String ALICE = "stock-alice";
    static final String BOB = "stock-bob";

    @Inject
    StockAvailabilityApi stockApi;

    @Inject
    AgroalDataSource ds;

    long product(int stock) {
        long id = newProductId();
        stockApi.registerProduct(id, stock);
        return id;
    }

    static RequestSpecification as(String username) {
        return given().auth().oauth2(TestUsers.customerToken(username));
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestUsers.adminToken());
    }

    static ValidatableResponse reserve(String user, long productId, int quantity) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("quantity", quantity))
                .post("/api/v1/stock/{id}/reservations", productId)
                .then();
    }

    static String reserveId(String user, long productId, int quantity) {
        return reserve(user, productId, quantity).statusCode(201).extract().path("id");
    }

    static void assertStock(long productId, int total, int reserved) {
        given().get("/api/v1/stock/{id}", productId)
                .then()
                .statusCode(200)
                .body("total", equalTo(total))
                .body("reserved", equalTo(reserved))
                .body("available", equalTo(total - reserved));
    }

    @Test
    void stockLevel_isPublic_andFresh() {
        long id = product(10);
        var level = given().get("/api/v1/stock/{id}", id)
                .then()
                .statusCode(200)
                .body("total", equalTo(10))
                .body("reserved", equalTo(0))
                .body("available", equalTo(10))
                .extract();
        assertThat(level.jsonPath().getLong("productId")).isEqualTo(id);
        reserveId(ALICE, id, 4);
        assertStock(id, 10, 4);
    }

    @Test
    void stockLevel_unknownOrBadId() {
        assertProblem(given().get("/api/v1/stock/{id}", newProductId()).then(), 404, "not_found");
        for (String bad : List.of("abc", "0", "-1", "1.5", "99999999999999999999999")) {
            assertProblem(given().get("/api/v1/stock/" + bad).then(), 400, "validation_failed");
        }
    }

    @Test
    void reserve_answers201WithTheReservation() {
        long id = product(10);
        var created = reserve(ALICE, id, 3)
                .statusCode(201)
                .header("Location", containsString("/api/v1/reservations/"))
                .body("quantity", equalTo(3))
                .body("status", equalTo("HELD"))
                .body("expiresAt", notNullValue())
                .body("createdAt", notNullValue())
                .extract();
        String rid = created.path("id");
        // A canonical (lower-case, hyphenated) random UUID, made by the domain.
        assertThat(UUID.fromString(rid).toString()).isEqualTo(rid);
        assertThat(UUID.fromString(rid).version()).isEqualTo(4);
        assertThat(created.jsonPath().getLong("productId")).isEqualTo(id);
        assertThat(created.header("Location")).endsWith("/api/v1/reservations/" + rid);
        as(ALICE)
                .get("/api/v1/reservations/{id}", rid)
                .then()
                .statusCode(200)
                .body("id", equalTo(rid))
                .body("status", equalTo("HELD"))
                .body("quantity", equalTo(3));
        assertStock(id, 10, 3);
    }

    @Test
    void reserve_needsAToken() {
        long id = product(10);
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("quantity", 1))
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                401,
                "unauthorized");
        assertProblem(
                given().auth()
                        .oauth2("not-a-token")
                        .contentType(ContentType.JSON)
                        .body(Map.of("quantity", 1))
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                401,
                "unauthorized");
        assertStock(id, 10, 0);
    }

    @Test
    void reserve_moreThanAvailable_isInsufficientStock() {
        long id = product(5);
        reserveId(ALICE, id, 4);
        assertProblem(reserve(ALICE, id, 2), 409, "insufficient_stock");
        assertStock(id, 5, 4);
    }

    @Test
    void reserve_unknownOrRetiredProduct_is404() {
        assertProblem(reserve(ALICE, newProductId(), 1), 404, "not_found");
        long id = product(5);
        stockApi.retireProduct(id);
        assertProblem(reserve(ALICE, id, 1), 404, "not_found");
        assertProblem(given().get("/api/v1/stock/{id}", id).then(), 404, "not_found");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("quantity 0", "{\"quantity\":0}"),
                Arguments.of("quantity -1", "{\"quantity\":-1}"),
                Arguments.of("quantity 1001", "{\"quantity\":1001}"),
                Arguments.of("quantity 1.5", "{\"quantity\":1.5}"),
                Arguments.of("quantity text", "{\"quantity\":\"abc\"}"),
                Arguments.of("quantity numeric text", "{\"quantity\":\"5\"}"),
                Arguments.of("quantity null", "{\"quantity\":null}"),
                Arguments.of("quantity missing", "{}"),
                Arguments.of("huge number", "{\"quantity\":99999999999999999999999999}"),
                Arguments.of("unknown field", "{\"quantity\":1,\"productId\":5}"),
                Arguments.of("boolean", "{\"quantity\":true}"));
    }

    /** Bodies that are not a JSON document of the right shape: 400 malformed_request (DESIGN.md section 3). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"quantity\":", "[1]", "null", "{\"quantity\":1} x"})
    void reserve_malformedBody_is400MalformedRequest_andStockUnchanged(String body) {
        long id = product(10);
        assertProblem(
                as(ALICE)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                400,
                "malformed_request");
        assertStock(id, 10, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void reserve_badBody_is400_andStockUnchanged(String name, String body) {
        long id = product(10);
        assertProblem(
                as(ALICE)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                400,
                "validation_failed");
        assertStock(id, 10, 0);
    }

    /** Numbers beyond any range the field could hold, fractions and exponents: 400 naming the field. */
    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"1e12", "99999999999999999999", "1.5", "-99999999999999999999", "1E3", "1000.0"})
    void reserve_quantityOutOfAnyNumericRange_is400NamingQuantity_andStockUnchanged(String quantity) {
        long id = product(10);
        assertProblem(
                        as(ALICE)
                                .contentType(ContentType.JSON)
                                .body("{\"quantity\":" + quantity + "}")
                                .post("/api/v1/stock/{id}/reservations", id)
                                .then(),
                        400,
                        "validation_failed")
                .body("errors.field", hasItem("quantity"));
        assertStock(id, 10, 0);
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(strings = {"1e12", "99999999999999999999", "1.5", "-99999999999999999999", "1000000001"})
    void adjust_deltaOutOfAnyNumericRange_is400NamingDelta_andStockUnchanged(String delta) {
        long id = product(10);
        assertProblem(
                        asAdmin()
                                .contentType(ContentType.JSON)
                                .body("{\"delta\":" + delta + ",\"reason\":\"x\"}")
                                .post("/api/v1/stock/{id}/adjustments", id)
                                .then(),
                        400,
                        "validation_failed")
                .body("errors.field", hasItem("delta"));
        assertStock(id, 10, 0);
    }

    @Test
    void reserve_missingBody_orWrongType_is4xxProblem_andStockUnchanged() {
        long id = product(10);
        assertProblem(
                as(ALICE)
                        .contentType(ContentType.JSON)
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                400,
                "malformed_request");
        as(ALICE)
                .contentType(ContentType.TEXT)
                .body("quantity=1")
                .post("/api/v1/stock/{id}/reservations", id)
                .then()
                .statusCode(415)
                .contentType(startsWith("application/problem+json"));
        assertProblem(
                as(ALICE)
                        .contentType(ContentType.JSON)
                        .body("{\"quantity\":1}")
                        .post("/api/v1/stock/abc/reservations")
                        .then(),
                400,
                "validation_failed");
        assertStock(id, 10, 0);
    }

    @Test
    void reserve_badIdempotencyKey_is400() {
        long id = product(10);
        for (String key : List.of("x".repeat(129), "tab\there", "ünïcode")) {
            assertProblem(
                    as(ALICE)
                            .header("Idempotency-Key", key)
                            .contentType(ContentType.JSON)
                            .body(Map.of("quantity", 1))
                            .post("/api/v1/stock/{id}/reservations", id)
                            .then(),
                    400,
                    "validation_failed");
        }
        assertStock(id, 10, 0);
    }

    @Test
    void idempotentRepeat_replaysTheFirstAnswer_andDifferentBodyIs422() {
        long id = product(10);
        String key = "order-" + UUID.randomUUID();
        var first = as(ALICE)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 2))
                .post("/api/v1/stock/{id}/reservations", id)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        as(ALICE)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 2))
                .post("/api/v1/stock/{id}/reservations", id)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("createdAt", equalTo(first.path("createdAt")))
                .body("expiresAt", equalTo(first.path("expiresAt")))
                .body("status", equalTo("HELD"));
        assertProblem(
                as(ALICE)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(Map.of("quantity", 3))
                        .post("/api/v1/stock/{id}/reservations", id)
                        .then(),
                422,
                "idempotency_key_reused");
        assertStock(id, 10, 2);
        // The same key belongs to each user separately.
        as(BOB).header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 2))
                .post("/api/v1/stock/{id}/reservations", id)
                .then()
                .statusCode(201)
                .body("id", not(equalTo(first.path("id"))));
        assertStock(id, 10, 4);
    }

    @Test
    void anotherUsersReservation_is404_forReadConfirmAndRelease() {
        long id = product(10);
        String rid = reserveId(ALICE, id, 2);
        assertProblem(as(BOB).get("/api/v1/reservations/{id}", rid).then(), 404, "not_found");
        assertProblem(as(BOB).post("/api/v1/reservations/{id}/confirm", rid).then(), 404, "not_found");
        assertProblem(as(BOB).post("/api/v1/reservations/{id}/release", rid).then(), 404, "not_found");
        as(BOB).get("/api/v1/reservations?size=100").then().statusCode(200).body("items.id", not(hasItem(rid)));
        as(ALICE).get("/api/v1/reservations/{id}", rid).then().statusCode(200).body("status", equalTo("HELD"));
        asAdmin().get("/api/v1/reservations/{id}", rid).then().statusCode(200);
        assertStock(id, 10, 2);
    }

    @Test
    void reservationIds_badOrUnknown() {
        assertProblem(as(ALICE).get("/api/v1/reservations/not-a-uuid").then(), 400, "validation_failed");
        assertProblem(as(ALICE).post("/api/v1/reservations/123/confirm").then(), 400, "validation_failed");
        assertProblem(
                as(ALICE).get("/api/v1/reservations/{id}", UUID.randomUUID()).then(), 404, "not_found");
        assertProblem(
                as(ALICE)
                        .post("/api/v1/reservations/{id}/release", UUID.randomUUID())
                        .then(),
                404,
                "not_found");
        assertProblem(
                given().get("/api/v1/reservations/{id}", UUID.randomUUID()).then(), 401, "unauthorized");
    }

    @Test
    void confirm_takesUnitsOutOfTotal_andOnlyOnce() {
        long id = product(10);
        String rid = reserveId(ALICE, id, 3);
        as(ALICE)
                .post("/api/v1/reservations/{id}/confirm", rid)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("id", equalTo(rid));
        assertStock(id, 7, 0);
        assertProblem(as(ALICE).post("/api/v1/reservations/{id}/confirm", rid).then(), 409, "reservation_not_held");
        assertProblem(as(ALICE).post("/api/v1/reservations/{id}/release", rid).then(), 409, "reservation_not_held");
        assertStock(id, 7, 0);
    }

    @Test
    void release_givesUnitsBack_andOnlyOnce() {
        long id = product(10);
        String rid = reserveId(ALICE, id, 3);
        as(ALICE)
                .post("/api/v1/reservations/{id}/release", rid)
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"));
        assertStock(id, 10, 0);
        assertProblem(as(ALICE).post("/api/v1/reservations/{id}/release", rid).then(), 409, "reservation_not_held");
        assertProblem(as(ALICE).post("/api/v1/reservations/{id}/confirm", rid).then(), 409, "reservation_not_held");
    }

    @Test
    void overdueReservation_readsAsExpired_andCannotBeConfirmed() {
        long id = product(10);
        String rid = reserveId(ALICE, id, 3);
        StockFixtures.setExpiry(ds, UUID.fromString(rid), -1000);
        as(ALICE).get("/api/v1/reservations/{id}", rid).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertProblem(as(ALICE).post("/api/v1/reservations/{id}/confirm", rid).then(), 409, "reservation_not_held");
        assertStock(id, 10, 0);
        as(ALICE).get("/api/v1/reservations/{id}", rid).then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void list_showsOwnReservations_filteredAndPaginated() {
        String carol = "stock-carol-" + UUID.randomUUID().toString().substring(0, 8);
        long id = product(100);
        // Newest first by creation time (millisecond precision): keep the three apart in time.
        String r1 = reserveId(carol, id, 1);
        pause();
        String r2 = reserveId(carol, id, 2);
        pause();
        String r3 = reserveId(carol, id, 3);
        as(carol).post("/api/v1/reservations/{id}/confirm", r2).then().statusCode(200);
        as(carol)
                .get("/api/v1/reservations")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.id", equalTo(List.of(r3, r2, r1)));
        as(carol)
                .get("/api/v1/reservations?status=HELD")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("HELD")));
        as(carol)
                .get("/api/v1/reservations?status=confirmed")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(r2));
        as(carol)
                .get("/api/v1/reservations?page=1&size=2")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(r1)))
                .body("total", equalTo(3));
        asAdmin().get("/api/v1/reservations?size=100").then().statusCode(200).body("total", greaterThanOrEqualTo(3));
        assertProblem(as(carol).get("/api/v1/reservations?status=LOST").then(), 400, "validation_failed");
        assertProblem(as(carol).get("/api/v1/reservations?size=0").then(), 400, "validation_failed");
        assertProblem(as(carol).get("/api/v1/reservations?size=101").then(), 400, "validation_failed");
        assertProblem(as(carol).get("/api/v1/reservations?page=-1").then(), 400, "validation_failed");
    }

    @Test
    void adjustments_areAdminOnly_andNeverBelowReserved() {
        long id = product(10);
        reserveId(ALICE, id, 6);
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("delta", 5, "reason", "delivery"))
                        .post("/api/v1/stock/{id}/adjustments", id)
                        .then(),
                401,
                "unauthorized");
        assertProblem(
                as(ALICE)
                        .contentType(ContentType.JSON)
                        .body(Map.of("delta", 5, "reason", "delivery"))
                        .post("/api/v1/stock/{id}/adjustments", id)
                        .then(),
                403,
                "forbidden");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("delta", 5, "reason", "delivery"))
                .post("/api/v1/stock/{id}/adjustments", id)
                .then()
                .statusCode(200)
                .body("total", equalTo(15))
                .body("reserved", equalTo(6))
                .body("available", equalTo(9));
        assertProblem(
                asAdmin()
                        .contentType(ContentType.JSON)
                        .body(Map.of("delta", -10, "reason", "stock-take"))
                        .post("/api/v1/stock/{id}/adjustments", id)
                        .then(),
                409,
                "conflict");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("delta", -9, "reason", "stock-take"))
                .post("/api/v1/stock/{id}/adjustments", id)
                .then()
                .statusCode(200)
                .body("total", equalTo(6));
        for (String bad : List.of(
                "{\"delta\":0,\"reason\":\"x\"}",
                "{\"delta\":1}",
                "{\"delta\":1,\"reason\":\" \"}",
                "{\"delta\":1.5,\"reason\":\"x\"}",
                "{\"reason\":\"x\"}",
                "{\"delta\":1,\"reason\":\"x\",\"total\":3}")) {
            assertProblem(
                    asAdmin()
                            .contentType(ContentType.JSON)
                            .body(bad)
                            .post("/api/v1/stock/{id}/adjustments", id)
                            .then(),
                    400,
                    "validation_failed");
        }
        assertProblem(
                asAdmin()
                        .contentType(ContentType.JSON)
                        .body(Map.of("delta", 1, "reason", "x"))
                        .post("/api/v1/stock/{id}/adjustments", newProductId())
                        .then(),
                404,
                "not_found");
        assertStock(id, 6, 6);
    }

    @Test
    void ledger_andAudit_areAdminOnly_andConsistent() {
        long id = product(10);
        String rid = reserveId(ALICE, id, 2);
        as(ALICE).post("/api/v1/reservations/{id}/confirm", rid).then().statusCode(200);
        String rid2 = reserveId(ALICE, id, 1);
        as(ALICE).post("/api/v1/reservations/{id}/release", rid2).then().statusCode(200);
        assertProblem(as(ALICE).get("/api/v1/stock/{id}/ledger", id).then(), 403, "forbidden");
        asAdmin()
                .get("/api/v1/stock/{id}/ledger", id)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.type", equalTo(List.of("RELEASE", "RESERVE", "CONFIRM", "RESERVE", "ADJUST")))
                .body("items[4].quantity", equalTo(10))
                .body("items[4].reason", equalTo("initial stock"))
                .body("items[3].reservationId", equalTo(rid));
        asAdmin()
                .get("/api/v1/stock/{id}/ledger?page=1&size=2", id)
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("CONFIRM", "RESERVE")))
                .body("page", equalTo(1));
        assertProblem(asAdmin().get("/api/v1/stock/{id}/ledger", newProductId()).then(), 404, "not_found");
        assertProblem(as(ALICE).get("/api/v1/stock/audit?productId={id}", id).then(), 403, "forbidden");
        asAdmin()
                .get("/api/v1/stock/audit?productId={id}", id)
                .then()
                .statusCode(200)
                .body("productsChecked", equalTo(1))
                .body("consistent", equalTo(true));
        asAdmin().get("/api/v1/stock/audit").then().statusCode(200).body("consistent", equalTo(true));
        assertProblem(asAdmin().get("/api/v1/stock/audit?productId=x").then(), 400, "validation_failed");
    }

    @Test
    void theScheduledSweeper_expiresOverdueReservations_andGivesUnitsBack() throws Exception {
        long id = product(10);
        String rid = reserveId(ALICE, id, 4);
        StockFixtures.setExpiry(ds, UUID.fromString(rid), -1000);
        // The sweeper runs every shopcore.stock.sweep-interval (5s): poll, with a generous bound.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String status;
        while (!"EXPIRED"
                        .equals(
                                status = StockFixtures.queryString(
                                        ds, "SELECT status FROM stock.reservation WHERE id = ?", UUID.fromString(rid)))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo("EXPIRED");
        assertStock(id, 10, 0);
        asAdmin()
                .get("/api/v1/stock/{id}/ledger", id)
                .then()
                .statusCode(200)
                .body("items[0].type", equalTo("EXPIRE"))
                .body("items[0].reservationId", equalTo(rid));
    }

    @Test
    void batchMetrics_arePublished() {
        reserveId(ALICE, product(5), 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("shopcore_stock_batch_size"))
                .body(containsString("shopcore_stock_batch_queue"));
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
