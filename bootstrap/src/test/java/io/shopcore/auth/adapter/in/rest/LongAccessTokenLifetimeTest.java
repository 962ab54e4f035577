package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.TestUsers;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An access-token lifetime above 15 minutes used to break every login: SmallRye rejects tokens whose
 * {@code exp - iat} exceeds {@code smallrye.jwt.time-to-live}, which was fixed at 900 s. The limit now
 * follows {@code shopcore.auth.access-token-ttl}.
 */
@QuarkusTest
@TestProfile(LongAccessTokenLifetimeTest.ThirtyMinutes.class)
class LongAccessTokenLifetimeTest {

    public static class ThirtyMinutes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shopcore.auth.access-token-ttl", "30m");
        }
    }

    @Test
    void givenA30MinuteLifetime_loginIssuesTokensThatAreAccepted() {
        String name = "ttl-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.register(name, TestUsers.PASSWORD);
        String access = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("expires_in", equalTo(1800))
                .extract()
                .path("access_token");
        given().header("Authorization", TestUsers.bearer(access))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(name));
    }

    @Test
    void givenA30MinuteLifetime_theVerifierLimitFollowsIt() {
        org.assertj.core.api.Assertions.assertThat(
                        ConfigProvider.getConfig().getValue("smallrye.jwt.time-to-live", Long.class))
                .isEqualTo(1800L);
    }

    @Test
    void givenATokenLivingLongerThanTheLifetime_isStillRejected() {
        String token = Jwt.issuer("https://shopcore.io")
                .audience("shopcore-api")
                .subject(UUID.randomUUID().toString())
                .groups(Set.of("customer"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(1800 + 60))
                .sign();
        assertProblem(
                given().header("Authorization", TestUsers.bearer(token))
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
    }
}
