package io.shopcore.auth.adapter.in.security;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.bootstrap.support.TestUsers;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verified-token cache never lets a changed or expired token through. */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static String subject() {
        String token = TestUsers.customerToken("cache-target");
        return given().auth()
                .oauth2(token)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    @Test
    void givenCachedToken_alteredCopies_areStillVerifiedAndRejected() {
        String token = TestUsers.customerToken("cache-target");
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200); // served from the cache
        int dot = token.lastIndexOf('.');
        char[] sig = token.substring(dot + 1).toCharArray();
        sig[5] = sig[5] == 'A' ? 'B' : 'A';
        assertProblem(
                given().header("Authorization", "Bearer " + token.substring(0, dot + 1) + new String(sig))
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
        assertProblem(
                given().header("Authorization", "Bearer " + token + "x")
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
    }

    @Test
    void givenCachedToken_afterItExpires_isRejected() throws InterruptedException {
        String token = Jwt.issuer("https://shopcore.io")
                .audience("shopcore-api")
                .subject(subject())
                .groups(Set.of("customer"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(1))
                .sign();
        given().auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200);
        // past exp plus the configured clock skew (mp.jwt.verify.clock.skew=5)
        Thread.sleep(7_500);
        assertProblem(given().auth().oauth2(token).get("/api/v1/auth/me").then(), 401, "unauthorized");
    }
}
