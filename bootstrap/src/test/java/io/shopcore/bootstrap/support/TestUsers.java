package io.shopcore.bootstrap.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for API tests, obtained through the real endpoints (register, then log in), cached per
 * username for the JVM. The admin is the one configured by {@code %test.shopcore.admin.*}.
 */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "correct-horse-battery";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestUsers() {}

    public static String adminToken() {
        return TOKENS.computeIfAbsent(ADMIN, u -> login(u, ADMIN_PASSWORD));
    }

    /** A customer's access token; the account is registered on first use. */
    public static String customerToken(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            register(u, PASSWORD);
            return login(u, PASSWORD);
        });
    }

    /** Registers (201 or already 409) without logging in. */
    public static void register(String username, String password) {
        int status = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/register")
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("register " + username + " answered " + status);
        }
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The header value for REST Assured: {@code .header("Authorization", bearer(token))}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
