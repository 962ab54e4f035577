package io.shopcore.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record of the running instance (an in-memory handler on the root logger, at ALL
 * levels) during sign-up, logins (good, wrong, throttled), refresh, reservations and a validation error
 * that carries a password, and checks that no password or token appears in any message, parameter,
 * MDC value or exception; and that each request's access line carries its request id.
 */
@QuarkusTest
class LogSecrecyTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line =
                    new StringBuilder(record.getLoggerName() == null ? "" : record.getLoggerName()).append(' ');
            if (record instanceof ExtLogRecord ext) {
                line.append(ext.getFormattedMessage()).append(' ').append(ext.getMdcCopy());
            } else {
                line.append(record.getMessage());
            }
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private org.jboss.logmanager.Logger root;

    @BeforeEach
    void capture() {
        capture.setLevel(Level.ALL);
        root = LogContext.getLogContext().getLogger("");
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
    }

    @Test
    void noSecretReachesTheLogs_andAccessLinesCarryTheRequestId() {
        OperationsTraffic traffic = new OperationsTraffic().run();
        // An Authorization header on a request that fails, and a token in a refresh body that is rejected.
        given().header("Authorization", "Bearer " + traffic.accessToken + "x")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", traffic.refreshToken))
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401); // spent already: the family is revoked

        Response last = given().header("X-Request-Id", traffic.clientRequestId + "-last")
                .get("/api/v1/categories");
        String lastId = last.header("X-Request-Id");
        assertThat(lastId).isEqualTo(traffic.clientRequestId + "-last");
        waitForAccessLine(lastId);

        for (String secret : traffic.secrets()) {
            assertThat(lines).as("log lines containing a secret").noneMatch(l -> l.contains(secret));
        }
        for (String id : traffic.requestIds) {
            waitForAccessLine(id);
        }
        String access = lines.stream()
                .filter(l -> l.startsWith("shopcore.access") && l.contains(lastId))
                .findFirst()
                .orElseThrow();
        assertThat(access).contains("method=GET", "route=/api/v1/categories", "status=200", "durationMs=");
        // Routes are templates: no query, no id, no unknown path from the client.
        assertThat(lines)
                .filteredOn(l -> l.startsWith("shopcore.access"))
                .extracting(l -> l.replaceAll(".*route=(\\S+).*", "$1").trim())
                .allMatch(route -> route.equals("NOT_FOUND")
                        || route.equals("UNMATCHED")
                        || route.matches("(/([a-z][a-z0-9-]*|\\{[A-Za-z]+\\}))+"))
                .noneMatch(route -> route.contains("nope"));
    }

    /** The access line is written when the response has been sent, so it may trail the client's view briefly. */
    private void waitForAccessLine(String requestId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lines.stream().noneMatch(l -> l.startsWith("shopcore.access") && l.contains("requestId=" + requestId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no access line for request " + requestId + " in " + lines.size() + " captured lines");
            }
            Thread.onSpinWait();
        }
    }
}
