package io.shopcore.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.shopcore.bootstrap.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md section 3 on every endpoint that takes a body: an unparsable body (syntax error, no body,
 * a document of the wrong top-level type) is 400 {@code malformed_request}; a well-formed body with an
 * unknown field or a wrongly typed field is 400 {@code validation_failed} naming the field.
 */
@QuarkusTest
class MalformedBodyContractTest {

    private static long productId;
    private static long categoryId;

    /** Method, path (with {product}/{category}), and who calls it. */
    record Endpoint(String method, String path, String caller) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/auth/register", "anonymous"),
            new Endpoint("POST", "/api/v1/auth/token", "anonymous"),
            new Endpoint("POST", "/api/v1/auth/refresh", "anonymous"),
            new Endpoint("POST", "/api/v1/categories", "admin"),
            new Endpoint("POST", "/api/v1/products", "admin"),
            new Endpoint("PUT", "/api/v1/products/{product}", "admin"),
            new Endpoint("POST", "/api/v1/stock/{product}/reservations", "customer"),
            new Endpoint("POST", "/api/v1/stock/{product}/adjustments", "admin"),
            new Endpoint("POST", "/api/v1/price/search", "anonymous"));

    static final List<String> UNPARSABLE =
            List.of("{\"name\":", "{bad json}", "", "[]", "[{}]", "null", "\"text\"", "42");

    /** Once per class, but after Quarkus started (a static @BeforeAll can run before the application is up). */
    @BeforeEach
    void catalog() {
        if (productId != 0) {
            return;
        }
        String admin = TestUsers.adminToken();
        categoryId = ((Number) given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", "Contract " + UUID.randomUUID()))
                        .post("/api/v1/categories")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        productId = ((Number) given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "name", "Contract product", "price", 100, "categoryId", categoryId, "initialStock", 5))
                        .post("/api/v1/products")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    static Stream<Arguments> unparsableBodies() {
        return ENDPOINTS.stream().flatMap(e -> UNPARSABLE.stream().map(b -> Arguments.of(e, b)));
    }

    @ParameterizedTest(name = "{0} with [{1}]")
    @MethodSource("unparsableBodies")
    void unparsableBody_isMalformedRequest(Endpoint endpoint, String body) {
        assertProblem(call(endpoint, body), 400, "malformed_request");
    }

    static Stream<Arguments> unknownFields() {
        return ENDPOINTS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void unknownField_isValidationFailedNamingIt(Endpoint endpoint) {
        assertProblem(call(endpoint, "{\"surprise\":1}"), 400, "validation_failed")
                .body("errors.field", hasItem("surprise"));
    }

    @Test
    void wronglyTypedFields_areValidationFailedNamingThem() {
        assertProblem(
                        call(ENDPOINTS.get(0), "{\"username\":{\"a\":1},\"password\":\"long-enough-1\"}"),
                        400,
                        "validation_failed")
                .body("errors.field", hasItem("username"));
        assertProblem(
                        call(
                                ENDPOINTS.get(4),
                                "{\"name\":\"x\",\"price\":\"cheap\",\"categoryId\":" + categoryId + "}"),
                        400,
                        "validation_failed")
                .body("errors.field", hasItem("price"));
        assertProblem(call(ENDPOINTS.get(6), "{\"quantity\":[1]}"), 400, "validation_failed")
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void trailingTokensAfterAValidDocument_areMalformedRequest() {
        assertProblem(
                call(ENDPOINTS.get(1), "{\"username\":\"someone\",\"password\":\"long-enough-1\"} {}"),
                400,
                "malformed_request");
        assertProblem(call(ENDPOINTS.get(6), "{\"quantity\":1} x"), 400, "malformed_request");
    }

    @Test
    void fieldsAreNamedByTheirJsonNames() {
        assertProblem(call(ENDPOINTS.get(2), "{\"refresh_token\":\" \"}"), 400, "validation_failed")
                .body("errors.field", hasItem("refresh_token"));
    }

    private static io.restassured.response.ValidatableResponse call(Endpoint endpoint, String body) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        switch (endpoint.caller()) {
            case "admin" -> request = request.auth().oauth2(TestUsers.adminToken());
            case "customer" -> request = request.auth().oauth2(TestUsers.customerToken("contract-customer"));
            default -> {}
        }
        if (!body.isEmpty()) {
            request = request.body(body);
        }
        String path = endpoint.path().replace("{product}", Long.toString(productId));
        return request.request(endpoint.method(), path).then();
    }
}
