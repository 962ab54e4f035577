package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import io.shopcore.auth.application.port.in.EnsureAdminUseCase.Outcome;
import io.shopcore.bootstrap.support.Concurrently;
import io.shopcore.bootstrap.support.TestUsers;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Abuse of the auth endpoints, end to end against PostgreSQL and Redis. */
@QuarkusTest
class AuthAbuseApiTest {

    private static final String LOCAL = "127.0.0.1";

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @Inject
    EnsureAdminUseCase ensureAdmin;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static Map<String, Object> login(String username, String password) {
        return post("/api/v1/auth/token", Map.of("username", username, "password", password))
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private int sql(String statement, Object... args) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long count(String query, Object... args) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Inject
    io.shopcore.infrastructure.redis.ResilientRedis resilientRedis;

    /** A Redis timeout in an earlier test (cold connections on a busy machine) makes Redis skipped for a moment. */
    @org.junit.jupiter.api.BeforeEach
    void redisInUse() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !resilientRedis.isBackingOff());
    }

    /** Every test request comes from 127.0.0.1: clear its address counters so other tests are not throttled. */
    @AfterEach
    void clearLocalAddressCounters() {
        redis.key()
                .del(
                        "auth:login-failures:addr:" + LOCAL,
                        "auth:register-attempts:addr:" + LOCAL,
                        "auth:refresh-attempts:addr:" + LOCAL);
    }

    private void fillCounter(String key, long value) {
        redis.value(Long.class).set(key, value, new SetArgs().ex(Duration.ofSeconds(60)));
    }

    // ---- throttling -----------------------------------------------------------------------------

    @Test
    void givenFiftyConcurrentGuessesForOneUser_token_letsAtMostTheLimitThroughAndAnswers429ToTheRest()
            throws Exception {
        String name = unique("latch");
        TestUsers.register(name, TestUsers.PASSWORD);
        List<Integer> statuses = Concurrently.run(
                50,
                () -> given().contentType(ContentType.JSON)
                        .body(Map.of("username", name, "password", "wrong-guess-" + UUID.randomUUID()))
                        .post("/api/v1/auth/token")
                        .then()
                        .extract()
                        .statusCode());
        // At most the limit reach the password check (fewer when this instance's own count is the higher one).
        long checked = statuses.stream().filter(s -> s == 401).count();
        assertThat(checked).isLessThanOrEqualTo(5L);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(50 - (int) checked);
        assertThat(redis.key().pttl("auth:login-failures:user:" + name)).isPositive();
        assertProblem(
                        post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD)),
                        429,
                        "rate_limited")
                .header("Retry-After", notNullValue());
    }

    @Test
    void givenMalformedUsernames_token_countsThemAgainstTheAddress() {
        String key = "auth:login-failures:addr:" + LOCAL;
        redis.key().del(key);
        for (int i = 0; i < 3; i++) {
            assertProblem(
                    post("/api/v1/auth/token", Map.of("username", "bad name " + i, "password", "whatever-pass")),
                    401,
                    "invalid_credentials");
        }
        assertThat(redis.value(Long.class).get(key)).isEqualTo(3L);
        assertThat(redis.key().pttl(key)).isPositive();
        fillCounter(key, 1_000_000);
        assertProblem(
                        post("/api/v1/auth/token", Map.of("username", "bad name!", "password", "whatever-pass")),
                        429,
                        "rate_limited")
                .header("Retry-After", notNullValue());
    }

    @Test
    void givenTooManyRegistrationsFromTheAddress_register_answers429AndCreatesNothing() throws Exception {
        fillCounter("auth:register-attempts:addr:" + LOCAL, 1_000_000);
        String name = unique("flood");
        assertProblem(
                        post("/api/v1/auth/register", Map.of("username", name, "password", TestUsers.PASSWORD)),
                        429,
                        "rate_limited")
                .header("Retry-After", notNullValue());
        assertThat(count("SELECT count(*) FROM auth.app_user WHERE username = ?", name))
                .isZero();
        redis.key().del("auth:register-attempts:addr:" + LOCAL);
        post("/api/v1/auth/register", Map.of("username", name, "password", TestUsers.PASSWORD))
                .statusCode(201);
    }

    @Test
    void givenTooManyRefreshesFromTheAddress_refresh_answers429AndTheTokenStaysUsable() {
        String name = unique("churn");
        TestUsers.register(name, TestUsers.PASSWORD);
        String refreshToken = (String) login(name, TestUsers.PASSWORD).get("refresh_token");
        fillCounter("auth:refresh-attempts:addr:" + LOCAL, 1_000_000);
        assertProblem(refresh(refreshToken), 429, "rate_limited").header("Retry-After", notNullValue());
        redis.key().del("auth:refresh-attempts:addr:" + LOCAL);
        refresh(refreshToken).statusCode(200);
    }

    // ---- admin bootstrap and credential changes --------------------------------------------------------

    @Test
    void givenTheAdminNameTakenByACustomer_ensureAdmin_refusesAndTheCustomerStaysACustomer() {
        String name = unique("squat");
        TestUsers.register(name, TestUsers.PASSWORD);
        String refreshToken = (String) login(name, TestUsers.PASSWORD).get("refresh_token");

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command(name, "operator-password", false)))
                .isEqualTo(Outcome.REFUSED_EXISTING_NON_ADMIN);

        String access = refresh(refreshToken).statusCode(200).extract().path("access_token");
        given().header("Authorization", TestUsers.bearer(access))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("roles", not(hasItem("admin")));
        assertProblem(
                given().header("Authorization", TestUsers.bearer(access))
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", unique("cat")))
                        .post("/api/v1/categories")
                        .then(),
                403,
                "forbidden");
    }

    @Test
    void givenConsentToPromote_ensureAdmin_revokesTheOwnersSessionsSoNoRefreshYieldsAdmin() {
        String name = unique("squat");
        TestUsers.register(name, TestUsers.PASSWORD);
        String refreshToken = (String) login(name, TestUsers.PASSWORD).get("refresh_token");

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command(name, "operator-password", true)))
                .isEqualTo(Outcome.PROMOTED);

        assertProblem(refresh(refreshToken), 401, "unauthorized");
        post("/api/v1/auth/token", Map.of("username", name, "password", TestUsers.PASSWORD))
                .statusCode(401);
        String admin = (String) login(name, "operator-password").get("access_token");
        given().header("Authorization", TestUsers.bearer(admin))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("roles", hasItem("admin"));
    }

    @Test
    void givenTheAdminsPasswordChanged_ensureAdmin_revokesEveryRefreshFamily() {
        String name = unique("ops");
        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command(name, "first-password", false)))
                .isEqualTo(Outcome.CREATED);
        String first = (String) login(name, "first-password").get("refresh_token");
        String second = (String) login(name, "first-password").get("refresh_token");

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command(name, "second-password", false)))
                .isEqualTo(Outcome.PASSWORD_RESET);

        assertProblem(refresh(first), 401, "unauthorized");
        assertProblem(refresh(second), 401, "unauthorized");
        login(name, "second-password");
    }

    @Test
    void givenAWrongAdminBootstrap_startUpFailsWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> io.shopcore.auth.adapter.config.AdminBootstrapCheck.requireAccepted(
                                "admin", Outcome.REFUSED_EXISTING_NON_ADMIN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopcore.admin.promote-existing=true")
                .hasMessageContaining("'admin'");
        io.shopcore.auth.adapter.config.AdminBootstrapCheck.requireAccepted("admin", Outcome.CREATED);
    }

    // ---- refresh re-reads the account ----------------------------------------------------------------

    @Test
    void givenADemotedUser_refresh_issuesTheCurrentRoles() throws Exception {
        String name = unique("demoted");
        TestUsers.register(name, TestUsers.PASSWORD);
        sql("UPDATE auth.app_user SET roles = 'admin,customer' WHERE username = ?", name);
        Map<String, Object> pair = login(name, TestUsers.PASSWORD);
        given().header("Authorization", TestUsers.bearer((String) pair.get("access_token")))
                .get("/api/v1/auth/me")
                .then()
                .body("roles", hasItem("admin"));

        sql("UPDATE auth.app_user SET roles = 'customer' WHERE username = ?", name);
        String access = refresh((String) pair.get("refresh_token"))
                .statusCode(200)
                .extract()
                .path("access_token");
        assertProblem(
                given().header("Authorization", TestUsers.bearer(access))
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", unique("cat")))
                        .post("/api/v1/categories")
                        .then(),
                403,
                "forbidden");
    }

    @Test
    void givenADeletedUser_refreshAndTheOldAccessToken_areUnauthorized() throws Exception {
        String name = unique("deleted");
        TestUsers.register(name, TestUsers.PASSWORD);
        Map<String, Object> pair = login(name, TestUsers.PASSWORD);
        assertThat(sql("DELETE FROM auth.app_user WHERE username = ?", name)).isEqualTo(1);

        assertProblem(refresh((String) pair.get("refresh_token")), 401, "unauthorized");
        assertProblem(
                given().header("Authorization", TestUsers.bearer((String) pair.get("access_token")))
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
    }
}
