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
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("redis"));
        given().get("/api/v1/health")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"));
    }

    @Test
    void metrics_arePrometheusTextWithOurMeters() {
        given().get("/api/v1/health").then().statusCode(200); // at least one timed request
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("shopcore_auth_password_hash_seconds"));
    }

    @Test
    void wellFormedRequestId_isKept_echoed_andInProblemBodies() {
        given().header("X-Request-Id", "abc.DEF_123-x")
                .get("/api/v1/products/999999999")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "abc.DEF_123-x")
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"))
                .body("requestId", equalTo("abc.DEF_123-x"));
    }

    @Test
    void missingOrMalformedRequestId_isReplacedByAGeneratedOne() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        String generated = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        org.assertj.core.api.Assertions.assertThat(generated).matches(uuid);
        for (String bad : new String[] {"a".repeat(65), "has space", "semi;colon", "<script>", "a/b"}) {
            String answered = given().header("X-Request-Id", bad)
                    .get("/nope/xyz")
                    .then()
                    .statusCode(404)
                    .extract()
                    .header("X-Request-Id");
            org.assertj.core.api.Assertions.assertThat(answered).as(bad).matches(uuid);
        }
        // A 64-character id is the longest kept.
        String longest = "b".repeat(64);
        given().header("X-Request-Id", longest).get("/api/v1/categories").then().header("X-Request-Id", longest);
    }

    @Test
    void validationProblem_carriesTheRequestId() {
        String id = given().contentType("application/json")
                .body("{\"username\":\"x\",\"password\":\"short\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .extract()
                .header("X-Request-Id");
        given().contentType("application/json")
                .header("X-Request-Id", "val-" + id.substring(0, 8))
                .body("{\"username\":\"x\",\"password\":\"short\"}")
                .post("/api/v1/auth/register")
                .then()
                .statusCode(400)
                .body("requestId", equalTo("val-" + id.substring(0, 8)));
    }

    @Test
    void openApiAndSwaggerUi_areServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/auth/token"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
