package io.shopcore.auth.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.TestUsers;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
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
        subject = given().header("Authorization", TestUsers.bearer(token))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn("jwt-target")
                .groups(Set.of("customer", "admin"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
    }

    private static void assertRejected(String token) {
        assertProblem(
                given().header("Authorization", "Bearer " + token)
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
    }

    @Test
    void givenCorrectlySignedToken_me_isAccepted() {
        given().header("Authorization", "Bearer " + claims().sign())
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200);
    }

    @Test
    void givenExpiredToken_isRejected() {
        assertRejected(claims().issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(600))
                .sign());
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
        assertRejected(parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2]);
    }

    @Test
    void givenAlgNone_isRejected() {
        String payload =
                new String(Base64.getUrlDecoder().decode(claims().sign().split("\\.")[1]), StandardCharsets.UTF_8);
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
        assertProblem(
                given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .get("/api/v1/auth/me")
                        .then(),
                401,
                "unauthorized");
    }

    // ---- key confusion and header tricks ------------------------------------------------------------

    private static byte[] ourPublicKeyPem() throws Exception {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.readAllBytes(path);
    }

    @Test
    void givenHs256SignedWithOurRsaPublicKeyAsSecret_isRejected() throws Exception {
        byte[] pem = ourPublicKeyPem();
        // The classic RS256 -> HS256 confusion: the public key (PEM text, or its DER bytes) used as HMAC secret.
        assertRejected(claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(pem, "HmacSHA256")));
        String base64 = new String(pem, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        assertRejected(claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(der, "HmacSHA256")));
    }

    @Test
    void givenKidJkuX5uOrJwkHeadersPointingAtAnAttackersKey_areRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey attacker = generator.generateKeyPair().getPrivate();
        assertRejected(claims().jws().keyId("attacker-key").sign(attacker));
        assertRejected(claims().jws()
                .header("jku", "https://evil.example/jwks.json")
                .keyId("attacker-key")
                .sign(attacker));
        assertRejected(
                claims().jws().header("x5u", "https://evil.example/cert.pem").sign(attacker));
        assertRejected(claims().jws()
                .header("jwk", Map.of("kty", "RSA", "kid", "attacker-key", "e", "AQAB", "n", "AAAA"))
                .sign(attacker));
    }

    @Test
    void givenNotBeforeInTheFuture_isRejected() {
        assertRejected(claims().claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .sign());
    }

    @Test
    void givenARefreshTokenPresentedAsAccessToken_isRejected() {
        TestUsers.register("jwt-refresh", TestUsers.PASSWORD);
        String refreshToken = given().contentType(ContentType.JSON)
                .body(Map.of("username", "jwt-refresh", "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("refresh_token");
        assertRejected(refreshToken);
    }

    @Test
    void givenALifetimeBeyondTheConfiguredAccessTokenTtl_isRejected() {
        // exp - iat above shopcore.auth.access-token-ttl (15m here): SmallRye's smallrye.jwt.time-to-live check.
        assertRejected(claims().issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign());
    }
}
