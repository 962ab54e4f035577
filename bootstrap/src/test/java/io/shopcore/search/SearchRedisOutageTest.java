package io.shopcore.search;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, search answers correctly (uncached) and sees every change at once. */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class SearchRedisOutageTest {

    @Inject
    MeterRegistry registry;

    @Test
    void givenRedisDown_search_answersCorrectlyAndFresh() {
        long category = createCategory(unique("오프라인 Offline"));
        long id = createProduct(category, "블루투스 스피커 Speaker", "59000", 3);
        for (int i = 0; i < 2; i++) {
            given().queryParams(Map.of("q", "스피커", "categoryId", category))
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("items.id", equalTo(List.of((int) id)))
                    .body("items[0].available", equalTo(3));
        }
        given().queryParams(Map.of("q", "스피거", "categoryId", category))
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("correctedQuery", equalTo("스피커"))
                .body("total", equalTo(1));
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "사운드바 Soundbar", "price", 99000, "categoryId", category))
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200);
        given().queryParams(Map.of("q", "스피커", "categoryId", category))
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParams(Map.of("q", "soundbar", "categoryId", category))
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) id)));
        double bypassed = registry.find("shopcore.search.cache.requests").tag("result", "bypass").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(bypassed).isPositive();
    }
}
