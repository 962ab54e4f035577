package io.shopcore.search.price;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopcore.catalog.support.CatalogTokens;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/price/search with the shipped configuration (no external source enabled): the own
 * catalog answers (fast), then the cache; unknown products are 404 and recorded; bodies are strict.
 */
@QuarkusTest
class PriceSearchApiTest {

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    static ValidatableResponse priceSearch(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/price/search")
                .then();
    }

    double searches(String status, String path) {
        Counter c = registry.find("shopcore_searches_total")
                .tags("kind", "price", "status", status, "path", path)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void givenOwnProducts_priceSearch_answersFastCheapestFirstThenFromTheCache() {
        String word = "가격비교" + UUID.randomUUID().toString().substring(0, 6);
        long category = createCategory(unique("가격 Price"));
        long dear = createProduct(category, word + " 프로", "1200000", 2);
        long cheap = createProduct(category, word + " 에어", "899000", 1);
        double fastBefore = searches("success", "fast");
        double cacheBefore = searches("success", "cache");

        io.restassured.path.json.JsonPath first = priceSearch(Map.of("query", "  " + word + " "))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("query", equalTo(word))
                .body("path", equalTo("fast"))
                .body("tookMs", greaterThanOrEqualTo(0))
                .body("offers.size()", equalTo(2))
                .body("offers[0].source", equalTo("shopcore"))
                .body("offers[0].productId", equalTo(Long.toString(cheap)))
                .body("offers[0].name", equalTo(word + " 에어"))
                .body("offers[0].price", equalTo(899000))
                .body("offers[0].currency", equalTo("KRW"))
                .body("offers[0].url", equalTo("/api/v1/products/" + cheap))
                .body("offers[1].productId", equalTo(Long.toString(dear)))
                .extract()
                .jsonPath();
        assertThat(first.getMap("best")).isEqualTo(first.getMap("offers[0]"));

        priceSearch(Map.of("query", word.toUpperCase()))
                .statusCode(200)
                .body("path", equalTo("cache"))
                .body("offers.productId", equalTo(List.of(Long.toString(cheap), Long.toString(dear))));
        assertThat(searches("success", "fast")).isEqualTo(fastBefore + 1);
        assertThat(searches("success", "cache")).isEqualTo(cacheBefore + 1);
        assertThat(FailureRows.of(dataSource, word)).as("a fast hit is no miss").isEmpty();
    }

    @Test
    void givenCatalogChange_priceSearch_neverAnswersTheOldPriceFromTheCache() {
        String word = "재가격" + UUID.randomUUID().toString().substring(0, 6);
        long category = createCategory(unique("가격 Reprice"));
        long id = createProduct(category, word + " 머그", "10000", 1);
        priceSearch(Map.of("query", word)).statusCode(200).body("path", equalTo("fast"));
        priceSearch(Map.of("query", word)).statusCode(200).body("path", equalTo("cache"));
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", word + " 머그", "price", 7000, "categoryId", category))
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200);
        priceSearch(Map.of("query", word))
                .statusCode(200)
                .body("path", equalTo("fast"))
                .body("best.price", equalTo(7000));
    }

    @Test
    void givenUnknownProductAndNoSources_priceSearch_answersNotFoundAndRecordsTheMiss() {
        String query = "없는상품 " + UUID.randomUUID();
        double before = searches("not_found", "none");
        assertProblem(priceSearch(Map.of("query", query)), 404, "not_found");
        assertThat(searches("not_found", "none")).isEqualTo(before + 1);
        assertThat(FailureRows.await(dataSource, query, "fast/miss/shopcore", "none/not_found/null"))
                .hasSize(2);
        assertProblem(priceSearch(Map.of("query", query)), 404, "not_found");
    }

    @Test
    void givenBadBodies_priceSearch_rejectsEachNamingTheField_andRecordsNothing() {
        long rowsBefore = flushedFailureRows();
        double searchesBefore = allSearches();
        for (Object body : new Object[] {
            Map.of(),
            Map.of("query", ""),
            Map.of("query", "   "),
            Map.of("query", "\t\n"),
            Map.of("query", "가".repeat(201)),
            Map.of("query", 12),
            Map.of("query", List.of("a")),
            Map.of("query", true)
        }) {
            assertProblem(priceSearch(body), 400, "validation_failed").body("errors[0].field", equalTo("query"));
        }
        assertProblem(priceSearch(Map.of("query", "아이패드", "page", 1)), 400, "validation_failed")
                .body("errors[0].field", equalTo("page"));
        assertProblem(priceSearch(Map.of("query", "아이패드", "path", "fast")), 400, "validation_failed")
                .body("errors[0].field", equalTo("path"));
        for (String raw : new String[] {"{", "[]", "\"아이패드\"", "null", "{\"query\":\"a\"} x"}) {
            assertProblem(
                    given().contentType(ContentType.JSON)
                            .body(raw)
                            .post("/api/v1/price/search")
                            .then(),
                    400,
                    "malformed_request");
        }
        assertProblem(
                given().contentType(ContentType.TEXT)
                        .body("query=아이패드")
                        .post("/api/v1/price/search")
                        .then(),
                415,
                "unsupported_media_type");
        given().get("/api/v1/price/search").then().statusCode(405);

        // Nothing was searched or recorded: a real miss afterwards adds only its own two rows.
        assertThat(allSearches()).isEqualTo(searchesBefore);
        assertThat(flushedFailureRows()).isEqualTo(rowsBefore + 2);
    }

    /**
     * The failure-row count once everything queued so far is written: the writer flushes in order, so
     * when a fresh miss's two rows are there, every earlier row is too.
     */
    long flushedFailureRows() {
        String marker = "flush-marker-" + UUID.randomUUID();
        assertProblem(priceSearch(Map.of("query", marker)), 404, "not_found");
        FailureRows.await(dataSource, marker, "fast/miss/shopcore", "none/not_found/null");
        return FailureRows.total(dataSource);
    }

    double allSearches() {
        return registry.find("shopcore_searches_total").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void givenLongestQuery_priceSearch_acceptsIt() {
        String query = "가".repeat(199) + UUID.randomUUID().toString().charAt(0);
        priceSearch(Map.of("query", " " + query + " ")).statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void givenProblemAnswers_priceSearch_carryNoInternals() {
        priceSearch(Map.of("query", "x" + UUID.randomUUID())).statusCode(404).body("$", not(hasKey("trace")));
    }
}
