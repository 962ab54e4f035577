package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.bootstrap.support.TestUsers;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every forged, expired or misaddressed token is a 401 problem, on a protected endpoint. */
@QuarkusTest
class JwtAttackTest {

    private static final String ISSUER = "https://shopcore.io";
    private static final String AUDIENCE = "shopcore-api";

    private String subject;

    @BeforeEach
    void user() {
        String token = TestUsers.customerToken("jwt-target");
        subject = given().header("Authorization", TestUsers.bearer(token)).get("/api/v1/auth/me").then()
                .statusCode(200).extract().path("id");
    }

    private JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn("jwt-target").groups(Set.of("customer", "admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
    }

    private static void assertRejected(String token) {
        assertProblem(given().header("Authorization", "Bearer " + token).get("/api/v1/auth/me").then(), 401, "unauthorized");
    }

    @Test
    void givenCorrectlySignedToken_me_isAccepted() {
        given().header("Authorization", "Bearer " + claims().sign()).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void givenExpiredToken_isRejected() {
        assertRejected(claims().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)).sign());
    }

    @Test
    void givenTamperedSignature_isRejected() {
        String token = claims().sign();
        int dot = token.lastIndexOf('.');
        char[] sig = token.substring(dot + 1).toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        assertRejected(token.substring(0, dot + 1) + new String(sig));
    }

    @Test
    void givenTamperedPayload_isRejected() {
        String[] parts = claims().sign().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"jwt-target\"", "\"admin\"");
        assertRejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void givenAlgNone_isRejected() {
        String payload = new String(Base64.getUrlDecoder().decode(claims().sign().split("\\.")[1]), StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".");
    }

    @Test
    void givenWrongIssuer_isRejected() {
        assertRejected(claims().issuer("https://evil.example").sign());
    }

    @Test
    void givenWrongAudience_isRejected() {
        assertRejected(claims().audience("someone-else").sign());
    }

    @Test
    void givenTokenSignedByAnotherKey_isRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey other = generator.generateKeyPair().getPrivate();
        assertRejected(claims().sign(other));
    }

    @Test
    void givenGarbageOrWrongScheme_isRejected() {
        assertRejected("not.a.jwt");
        assertRejected(UUID.randomUUID().toString());
        assertProblem(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/auth/me").then(), 401, "unauthorized");
    }
}
