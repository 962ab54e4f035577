package io.shopcore.auth.adapter.out.cache;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.RedisDownProfile;
import io.shopcore.bootstrap.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, auth keeps working and login throttling falls back to in-process counters. */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class LoginThrottleRedisOutageTest {

    @Test
    void givenRedisDown_loginStillWorks_andThrottlingStillApplies() {
        String name = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.register(name, TestUsers.PASSWORD);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("access_token", notNullValue());
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", "wrong-password"))
                    .post("/api/v1/auth/token")
                    .then()
                    .statusCode(401);
        }
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                                .post("/api/v1/auth/token")
                                .then(),
                        429,
                        "rate_limited")
                .header("Retry-After", notNullValue());
    }

    @Test
    void givenRedisDown_readinessStaysUpAndReportsDegraded() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'redis' }.data.state", equalTo("degraded"))
                .body("checks.name", hasItem("redis"));
    }
}
