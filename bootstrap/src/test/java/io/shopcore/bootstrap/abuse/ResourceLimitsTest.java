package io.shopcore.bootstrap.abuse;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Oversized and pathological requests are refused with a 4xx, cheaply, and the service keeps
 * answering afterwards. Limits: request line 4096 bytes and headers 20 KiB (Vert.x: 414 / 431 with an
 * empty body, before any handler of ours runs), body 64 KiB (413 problem+json), JSON nesting 32 levels
 * and numbers of 100 digits (400 problem+json).
 */
@QuarkusTest
class ResourceLimitsTest {

    /** Sends raw bytes, returns the status line: REST Assured and java.net.http refuse to send some of these. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1).trim();
        }
    }

    private static ValidatableResponse postJson(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    @AfterEach
    void serviceStillAnswers() {
        given().get("/api/v1/health").then().statusCode(200);
        given().get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void givenOversizedHeaders_answers431() throws Exception {
        String status = raw("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(32 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(status).matches("HTTP/1\\.[01] 431 .*");
    }

    @Test
    void givenManyHeadersAddingUpBeyondTheLimit_answers431() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            headers.append("X-H").append(i).append(": ").append("v".repeat(100)).append("\r\n");
        }
        String status =
                raw("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n");
        assertThat(status).matches("HTTP/1\\.[01] 431 .*");
    }

    @Test
    void givenAVeryLongQueryString_answers414() throws Exception {
        String status = raw("GET /api/v1/products?sort=" + "x".repeat(8 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status).matches("HTTP/1\\.[01] 414 .*");
    }

    @Test
    void givenAVeryLongPath_answers414() throws Exception {
        String status = raw("GET /api/v1/products/" + "1".repeat(8 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status).matches("HTTP/1\\.[01] 414 .*");
    }

    @Test
    void givenALongButAllowedQueryOrPath_answersAProblemNotA5xx() {
        assertProblem(
                given().queryParam("sort", "x".repeat(3000))
                        .get("/api/v1/products")
                        .then(),
                400,
                "validation_failed");
        ValidatableResponse longId =
                given().get("/api/v1/products/" + "9".repeat(3000)).then().statusCode(400);
        assertThat(longId.extract().contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenDeeplyNestedJson_answers400() {
        for (int depth : new int[] {40, 5_000}) {
            String body = "{\"username\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"password\":\"long-enough-1\"}";
            ValidatableResponse r = postJson("/api/v1/auth/register", body).statusCode(400);
            assertThat(r.extract().contentType()).startsWith("application/problem+json");
        }
        String objects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        postJson("/api/v1/auth/token", objects).statusCode(400);
    }

    @Test
    void givenAHugeArrayWithinTheBodyLimit_answers400() {
        String array = "[" + "1,".repeat(30_000) + "1]";
        assertProblem(postJson("/api/v1/auth/register", array), 400, "malformed_request");
        assertProblem(
                postJson("/api/v1/auth/register", "{\"username\":" + array + ",\"password\":\"long-enough-1\"}"),
                400,
                "validation_failed");
    }

    @Test
    void givenAHugeArrayOrStringBeyondTheBodyLimit_answers413() {
        assertProblem(postJson("/api/v1/auth/register", "[" + "1,".repeat(40_000) + "1]"), 413, "payload_too_large");
        assertProblem(
                postJson(
                        "/api/v1/auth/register",
                        "{\"username\":\"" + "a".repeat(70_000) + "\",\"password\":\"long-enough-1\"}"),
                413,
                "payload_too_large");
    }

    @Test
    void givenLongStringsWithinTheBodyLimit_answers400ValidationFailed() {
        assertProblem(
                postJson(
                        "/api/v1/auth/register",
                        "{\"username\":\"" + "a".repeat(60_000) + "\",\"password\":\"long-enough-1\"}"),
                400,
                "validation_failed");
        assertProblem(
                postJson(
                        "/api/v1/auth/token", "{\"username\":\"someone\",\"password\":\"" + "p".repeat(60_000) + "\"}"),
                400,
                "validation_failed");
    }

    @Test
    void givenAHugeNumber_answers400() {
        String digits = "9".repeat(5_000);
        ValidatableResponse r = postJson(
                        "/api/v1/auth/register", "{\"username\":" + digits + ",\"password\":\"long-enough-1\"}")
                .statusCode(400);
        assertThat(r.extract().contentType()).startsWith("application/problem+json");
    }
}
