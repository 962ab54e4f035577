package io.shopcore.search.price;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.RedisDownProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, price search answers correctly from the catalog every time (uncached, never failed). */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class PriceSearchRedisOutageTest {

    @Inject
    MeterRegistry registry;

    @Test
    void givenRedisDown_priceSearch_answersFastEveryTimeAndNotFoundForUnknown() {
        String word = "오프라인가격" + UUID.randomUUID().toString().substring(0, 6);
        long id = createProduct(createCategory(unique("가격 Offline")), word + " 스피커", "59000", 3);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("query", word))
                    .post("/api/v1/price/search")
                    .then()
                    .statusCode(200)
                    .body("path", equalTo("fast"))
                    .body("best.productId", equalTo(Long.toString(id)))
                    .body("best.price", equalTo(59000));
        }
        assertProblem(
                given().contentType(ContentType.JSON)
                        .body(Map.of("query", "없음 " + UUID.randomUUID()))
                        .post("/api/v1/price/search")
                        .then(),
                404,
                "not_found");
        Counter bypass = registry.find("shopcore.search.price.cache.requests")
                .tag("result", "bypass")
                .counter();
        assertThat(bypass).isNotNull();
        assertThat(bypass.count()).isPositive();
    }
}
