package io.shopcore.bootstrap.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (JVM jar here; the native binary with -Pnative where Mandrel exists), prod profile,
 * explicit settings: health on the management port only, then register, log in, browse, reserve and audit.
 */
@QuarkusIntegrationTest
@WithTestResource(ProdServicesResource.class)
class DeliverySmokeIT {

    @Test
    void packagedApp_servesHealthOnTheManagementPort_andTheApiOnTheMainPort() {
        given().port(ProdServicesResource.managementPort)
                .get("/q/health/started")
                .then()
                .statusCode(200);
        given().port(ProdServicesResource.managementPort)
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                // liveness never depends on PostgreSQL or Redis: an outage must not restart the pods
                .body("checks.name", not(hasItem("Database connections health check")))
                .body("checks.name", not(hasItem("redis")));
        given().port(ProdServicesResource.managementPort)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Graceful Shutdown"));
        given().port(ProdServicesResource.managementPort)
                .get("/q/metrics")
                .then()
                .statusCode(200);
        given().get("/q/health/ready").then().statusCode(404); // not on the public port in prod
        given().get("/api/v1/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void packagedApp_registerLoginBrowseReserveAudit() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "it-buyer", "password", "it-password-123"))
                .post("/api/v1/auth/register")
                .then()
                .statusCode(201);
        String customer = TestUsers.login("it-buyer", "it-password-123");
        String admin = TestUsers.login("admin", ProdServicesResource.ADMIN_PASSWORD);

        int categoryId = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "IT category"))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int productId = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "IT product", "price", 1000, "categoryId", categoryId, "initialStock", 5))
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().get("/api/v1/products?size=100").then().statusCode(200).body("items.id", hasItem(productId));
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 2))
                .post("/api/v1/stock/" + productId + "/reservations")
                .then()
                .statusCode(201)
                .body("status", equalTo("HELD"));
        given().get("/api/v1/stock/" + productId).then().statusCode(200).body("available", equalTo(3));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/stock/audit")
                .then()
                .statusCode(200)
                .body("consistent", equalTo(true));
    }

    /**
     * The prod artifact carries no dev/test local-services tooling: Testcontainers, embedded PostgreSQL (with its
     * binaries) and Redis are optional dependencies of bootstrap, filtered out of the package
     * (quarkus.package.jar.filter-optional-dependencies), and so is what only they bring in. Skipped where no JVM
     * jar was packaged (the native run).
     */
    @Test
    void packagedJar_carriesNoLocalServicesTooling() throws IOException {
        Path libMain = Path.of("target/quarkus-app/lib/main");
        Assumptions.assumeTrue(Files.isDirectory(libMain), "no JVM jar packaged");
        List<String> jars;
        try (Stream<Path> files = Files.list(libMain)) {
            jars = files.map(f -> f.getFileName().toString()).toList();
        }
        assertThat(jars).as("lib/main").anyMatch(jar -> jar.startsWith("io.quarkus.quarkus-core-"));
        assertThat(jars)
                .as("lib/main: JNA for NativeArgon2id")
                .anyMatch(jar -> jar.startsWith("net.java.dev.jna.jna-"));
        assertThat(AppProperties.prod().get("quarkus.package.jar.filter-optional-dependencies"))
                .isEqualTo("true");
        // groups of the tooling and of what only it brings in (./mvnw -pl bootstrap -am dependency:tree -Dverbose)
        List<String> tooling = List.of(
                "org.testcontainers.",
                "com.github.docker-java.",
                "net.java.dev.jna.jna-platform-", // jna itself ships: auth's NativeArgon2id (libargon2) needs it
                "org.rnorth.duct-tape.",
                "io.zonky.",
                "com.github.codemonstur.",
                "redis.clients.jedis-",
                "org.tukaani.xz-");
        assertThat(jars)
                .as("lib/main must carry no local-services tooling")
                .noneMatch(jar -> tooling.stream().anyMatch(jar::startsWith));
    }
}
