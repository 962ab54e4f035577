package io.shopcore.catalog;

import static io.restassured.RestAssured.given;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.RedisDownProfile;
import io.shopcore.catalog.support.CatalogTokens;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With Redis unreachable the catalog keeps answering from PostgreSQL, correctly, and counts the failures. */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class RedisOutageTest {

    @Inject
    MeterRegistry registry;

    @Test
    void givenRedisDown_readsAndWrites_stillWorkWithFreshData() {
        long category = createCategory(unique("도서 Books"));
        long id = createProduct(category, "소설 Novel", "15000", 9);
        createProduct(category, "요리책 Cookbook", "22000", 3);

        given().get("/api/v1/products?categoryId=" + category + "&sort=price")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of("소설 Novel", "요리책 Cookbook")))
                .body("items.available", equalTo(List.of(9, 3)))
                .body("total", equalTo(2));
        given().get("/api/v1/products/" + id).then().statusCode(200).body("price", equalTo(15000));

        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"소설 Novel 2판\",\"price\":16000,\"categoryId\":" + category + "}")
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200);
        given().get("/api/v1/products?categoryId=" + category + "&sort=price")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("소설 Novel 2판"))
                .body("items[0].price", equalTo(16000));
        given().get("/api/v1/products/" + id).then().statusCode(200).body("price", equalTo(16000));

        double failures = registry.find("shopcore_redis_failures_total").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        double bypassed = registry
                .find("shopcore.catalog.cache.requests")
                .tag("tier", "redis")
                .tag("result", "bypass")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(failures).isPositive();
        assertThat(bypassed).isPositive();
    }
}
