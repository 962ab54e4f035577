package io.shopcore.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthEndpoints_areUpWithDatabaseAndRedisChecks() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("redis"));
        given().get("/api/v1/health").then().statusCode(200).contentType("application/json").body("status", equalTo("UP"));
    }

    @Test
    void metrics_arePrometheusTextWithOurMeters() {
        given().get("/api/v1/health").then().statusCode(200); // at least one timed request
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("shopcore_auth_password_hash_seconds"));
    }

    @Test
    void openApiAndSwaggerUi_areServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/auth/token"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
