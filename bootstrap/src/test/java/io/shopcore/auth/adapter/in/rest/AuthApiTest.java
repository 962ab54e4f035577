package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopcore.bootstrap.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AuthApiTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static void assertUsernameFree(String username) {
        post("/api/v1/auth/register", Map.of("username", username, "password", TestUsers.PASSWORD))
                .statusCode(201);
    }

    @Test
    void givenNewUsername_register_createsCustomer() {
        String name = unique("alice");
        post("/api/v1/auth/register", Map.of("username", name, "password", "s3cret-pass"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("username", equalTo(name))
                .body("roles", equalTo(java.util.List.of("customer")));
    }

    @Test
    void givenTakenUsername_register_conflicts() {
        String name = unique("bob");
        TestUsers.register(name, TestUsers.PASSWORD);
        assertProblem(
                post("/api/v1/auth/register", Map.of("username", name.toUpperCase(), "password", "another-pass1")),
                409,
                "username_taken");
        // the original password still works: nothing was overwritten
        assertThat(TestUsers.login(name, TestUsers.PASSWORD)).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"password\":\"long-enough-1\"}",
                "{\"username\":\"USERNAME\"}",
                "{\"username\":\"ab\",\"password\":\"long-enough-1\"}",
                "{\"username\":\"USERNAME-with-a-name-that-is-far-too-long-for-the-limit-of-sixty-four\",\"password\":\"long-enough-1\"}",
                "{\"username\":\"bad name!\",\"password\":\"long-enough-1\"}",
                "{\"username\":\"USERNAME\",\"password\":\"short\"}",
                "{\"username\":\"USERNAME\",\"password\":\"LONGPASSWORD\"}",
                "{\"username\":12345,\"password\":\"long-enough-1\"}",
                "{\"username\":\"USERNAME\",\"password\":12345678}",
                "{\"username\":[\"USERNAME\"],\"password\":\"long-enough-1\"}",
                "{\"username\":\"USERNAME\",\"password\":\"long-enough-1\",\"roles\":[\"admin\"]}",
                "{\"username\":\"USERNAME\",\"password\":\"long-enough-1\",\"id\":\"x\"}"
            })
    void givenBadBody_register_answersValidationFailedAndCreatesNothing(String template) {
        String name = unique("bad");
        String body = template.replace("USERNAME", name).replace("LONGPASSWORD", "x".repeat(129));
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/auth/register")
                        .then(),
                400,
                "validation_failed");
        assertUsernameFree(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"username\":\"USERNAME\",\"password\":\"long-enough-1\"",
                "not json at all",
                "[]",
                "null",
                "\"USERNAME\"",
                ""
            })
    void givenUnparsableBody_register_answersMalformedRequestAndCreatesNothing(String template) {
        String name = unique("bad");
        String body = template.replace("USERNAME", name);
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/auth/register")
                        .then(),
                400,
                "malformed_request");
        assertUsernameFree(name);
    }

    @Test
    void givenFieldErrors_register_listsEachField() {
        post("/api/v1/auth/register", Map.of("username", "a", "password", "b"))
                .statusCode(400)
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void givenOversizedBody_register_answers413() {
        String name = unique("big");
        Map<String, String> body = Map.of("username", name, "password", "p".repeat(70_000));
        assertProblem(post("/api/v1/auth/register", body), 413, "payload_too_large");
        assertUsernameFree(name);
    }

    @Test
    void givenWrongContentType_register_answers415() {
        String name = unique("xml");
        assertProblem(
                given().contentType(ContentType.XML)
                        .body("<u/>")
                        .post("/api/v1/auth/register")
                        .then(),
                415,
                "unsupported_media_type");
        assertUsernameFree(name);
    }

    @Test
    void givenValidCredentials_token_issuesBearerPair() {
        String name = unique("carol");
        TestUsers.register(name, TestUsers.PASSWORD);
        post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD))
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("access_token", notNullValue())
                .body("refresh_token", notNullValue());
    }

    @Test
    void givenWrongPasswordOrUnknownUser_token_answersTheSame() {
        String name = unique("dave");
        TestUsers.register(name, TestUsers.PASSWORD);
        var wrong = assertProblem(
                        post("/api/v1/auth/token", Map.of("username", name, "password", "wrong-password")),
                        401,
                        "invalid_credentials")
                .extract()
                .asString();
        var unknown = assertProblem(
                        post("/api/v1/auth/token", Map.of("username", unique("nobody"), "password", "wrong-password")),
                        401,
                        "invalid_credentials")
                .extract()
                .asString();
        // Identical apart from the request id every problem carries (a different request, a different id).
        assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrong));
    }

    private static String withoutRequestId(String problem) {
        return problem.replaceAll(",?\"requestId\":\"[^\"]*\"", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"username\":\"someone\"}", "{\"username\":\"someone\",\"password\":[7]}"})
    void givenBadBody_token_answersValidationFailed(String body) {
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/auth/token")
                        .then(),
                400,
                "validation_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "", "[]", "null"})
    void givenUnparsableBody_token_answersMalformedRequest(String body) {
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/auth/token")
                        .then(),
                400,
                "malformed_request");
    }

    @Test
    void givenRepeatedFailures_token_isThrottledWithRetryAfter() {
        String name = unique("eve");
        TestUsers.register(name, TestUsers.PASSWORD);
        for (int i = 0; i < 5; i++) {
            post("/api/v1/auth/token", Map.of("username", name, "password", "wrong-password"))
                    .statusCode(401);
        }
        assertProblem(
                        post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD)),
                        429,
                        "rate_limited")
                .header("Retry-After", notNullValue());
    }

    @Test
    void givenRefreshToken_refresh_rotatesAndReuseRevokesTheFamily() {
        String name = unique("frank");
        TestUsers.register(name, TestUsers.PASSWORD);
        String first = post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD))
                .statusCode(200)
                .extract()
                .path("refresh_token");

        var second = post("/api/v1/auth/refresh", Map.of("refresh_token", first))
                .statusCode(200)
                .extract();
        String secondRefresh = second.path("refresh_token");
        String secondAccess = second.path("access_token");
        assertThat(secondRefresh).isNotEqualTo(first);
        given().header("Authorization", TestUsers.bearer(secondAccess))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(name));

        // The first token is replayed (stolen?): rejected, and its whole family with it.
        assertProblem(post("/api/v1/auth/refresh", Map.of("refresh_token", first)), 401, "unauthorized");
        assertProblem(post("/api/v1/auth/refresh", Map.of("refresh_token", secondRefresh)), 401, "unauthorized");

        // A fresh login starts a new family that works.
        String fresh = post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD))
                .statusCode(200)
                .extract()
                .path("refresh_token");
        post("/api/v1/auth/refresh", Map.of("refresh_token", fresh)).statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"not-a-real-token", "5", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "has spaces and * stars"
            })
    void givenSomethingThatIsNotOurRefreshToken_refresh_isUnauthorized(String token) {
        assertProblem(post("/api/v1/auth/refresh", Map.of("refresh_token", token)), 401, "unauthorized");
    }

    @Test
    void givenTooLongTokenOrAnAccessToken_refresh_isUnauthorizedNotValidationFailed() {
        assertProblem(post("/api/v1/auth/refresh", Map.of("refresh_token", "x".repeat(5000))), 401, "unauthorized");
        String access = TestUsers.customerToken(unique("hank"));
        assertProblem(post("/api/v1/auth/refresh", Map.of("refresh_token", access)), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"refresh_token\":\"\"}", "{}", "{\"refresh_token\":null}"})
    void givenMissingRefreshToken_refresh_namesTheJsonField(String body) {
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/v1/auth/refresh")
                                .then(),
                        400,
                        "validation_failed")
                .body("errors.field", equalTo(java.util.List.of("refresh_token")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{x", "", "[]", "null"})
    void givenUnparsableBody_refresh_answersMalformedRequest(String body) {
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/auth/refresh")
                        .then(),
                400,
                "malformed_request");
    }

    @Test
    void givenToken_me_answersTheUser() {
        String name = unique("gina");
        String token = TestUsers.customerToken(name);
        given().header("Authorization", TestUsers.bearer(token))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(name))
                .body("roles", equalTo(java.util.List.of("customer")))
                .body("id", notNullValue());
    }

    @Test
    void givenConfiguredAdmin_me_showsAdminRole() {
        given().header("Authorization", TestUsers.bearer(TestUsers.adminToken()))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("roles", hasItem("admin"));
    }

    @Test
    void givenNoToken_me_answers401Problem() {
        assertProblem(given().get("/api/v1/auth/me").then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/auth/me/",
                "/api/v1/auth//me",
                "/api/v1/auth/./me",
                "/api/v1/auth/x/../me",
                "/api/v1/auth/%2e/me",
                "/api/v1/auth/x/%2e%2e/me",
                "/api/v1//auth/me",
                "/api/v1/auth/ME"
            })
    void givenPathVariants_protectedEndpoint_neverAnswersWithoutToken(String path) {
        int status =
                given().urlEncodingEnabled(false).get(path).then().extract().statusCode();
        assertThat(status).isIn(401, 404);
    }

    @Test
    void givenUnknownRoute_answersNotFoundProblem() {
        assertProblem(given().get("/api/v1/no-such-thing").then(), 404, "not_found");
    }
}
