package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopcore.auth.adapter.out.crypto.PasswordHashingPermits;
import io.shopcore.bootstrap.support.TestUsers;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Password hashing saturated: the test holds every hashing permit and one login fills the (here: one)
 * waiting place; the next login and the next registration are answered 503 {@code unavailable} with
 * Retry-After at once, and the registration created no user. When the permits come back, the waiting
 * login completes and logins work again. (The bounded wait itself: PasswordHashingPermitsTest.)
 */
@QuarkusTest
@TestProfile(PasswordHashingOverloadTest.OneWaiter.class)
class PasswordHashingOverloadTest {

    public static class OneWaiter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shopcore.auth.hashing-concurrency", "2",
                    "shopcore.auth.hashing-max-waiting", "1",
                    // Long, so the waiting login is still waiting while the refused requests arrive.
                    "shopcore.auth.hashing-max-wait", "60s");
        }
    }

    @Inject
    PasswordHashingPermits permits;

    @Inject
    AgroalDataSource ds;

    @Test
    void givenEveryPermitHeldAndTheWaitingPlaceTaken_loginAndRegister_are503WithRetryAfter_andNoUserIsCreated()
            throws Exception {
        String user = "hash-busy-" + UUID.randomUUID().toString().substring(0, 8);
        String newcomer = "hash-new-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.register(user, TestUsers.PASSWORD);

        CompletableFuture<Integer> waiting;
        permits.acquire();
        permits.acquire();
        try {
            waiting = CompletableFuture.supplyAsync(
                    () -> token(user, TestUsers.PASSWORD).extract().statusCode());
            await().atMost(Duration.ofSeconds(30)).until(() -> permits.waiting() == 1);

            assertProblem(token(user, TestUsers.PASSWORD), 503, "unavailable").header("Retry-After", equalTo("1"));
            assertProblem(register(newcomer), 503, "unavailable").header("Retry-After", equalTo("1"));
            assertThat(waiting).isNotDone();
        } finally {
            permits.release();
            permits.release();
        }

        assertThat(waiting.get()).isEqualTo(200);
        assertThat(users(newcomer)).isZero();
        token(user, TestUsers.PASSWORD).statusCode(200);
        register(newcomer).statusCode(201);
        assertThat(users(newcomer)).isEqualTo(1);
    }

    private static ValidatableResponse token(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then();
    }

    private static ValidatableResponse register(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/register")
                .then();
    }

    private long users(String username) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM auth.app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
