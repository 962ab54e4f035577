package io.shopcore.search.price;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static io.shopcore.search.price.WireMockSources.FEED_PATH;
import static io.shopcore.search.price.WireMockSources.FLAKY_PATH;
import static io.shopcore.search.price.WireMockSources.LIMITED_PATH;
import static io.shopcore.search.price.WireMockSources.NAVER_PATH;
import static io.shopcore.search.price.WireMockSources.json;
import static io.shopcore.search.price.WireMockSources.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slow path against price sources played by WireMock on 127.0.0.1: every way a source can answer
 * gives the right path, answer, {@code search_failures} rows and metrics. Each test uses its own query
 * text; WireMock answers "no offers" to anything else.
 */
@QuarkusTest
@TestProfile(PriceSourcesProfile.class)
class PriceSourcesTest {

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @AfterEach
    void databaseUp() {
        SwitchableProductSearch.databaseDown = false;
    }

    static String newQuery(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse priceSearch(String query) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .post("/api/v1/price/search")
                .then();
    }

    static void naverAnswers(String query, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        server().stubFor(get(urlPathEqualTo(NAVER_PATH))
                .withQueryParam("query", equalTo(query))
                .atPriority(1)
                .willReturn(response));
    }

    static void feedAnswers(
            String path, String query, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        server().stubFor(get(urlPathEqualTo(path))
                .withQueryParam("query", equalTo(query))
                .atPriority(1)
                .willReturn(response));
    }

    static String offers(String name, String... prices) {
        StringBuilder b = new StringBuilder("{\"offers\":[");
        for (int i = 0; i < prices.length; i++) {
            b.append(i > 0 ? "," : "")
                    .append("{\"name\":\"")
                    .append(name)
                    .append(' ')
                    .append(i)
                    .append("\",\"price\":")
                    .append(prices[i])
                    .append(",\"currency\":\"KRW\",\"url\":\"https://shop.example.test/")
                    .append(i)
                    .append("\"}");
        }
        return b.append("]}").toString();
    }

    static String naverItems(String title, String lprice) {
        return "{\"lastBuildDate\":\"Sun, 29 Nov 2026 12:00:00 +0900\",\"total\":1,\"start\":1,\"display\":1,\"items\":[{"
                + "\"title\":\"" + title
                + "\",\"link\":\"https://search.shopping.example.test/catalog/1\",\"image\":\"\","
                + "\"lprice\":\"" + lprice
                + "\",\"hprice\":\"\",\"mallName\":\"네이버\",\"productId\":\"1\",\"productType\":\"1\","
                + "\"brand\":\"\",\"maker\":\"\",\"category1\":\"디지털/가전\",\"category2\":\"\",\"category3\":\"\",\"category4\":\"\"}]}";
    }

    int requests(String path, String query) {
        return server().findAll(getRequestedFor(urlPathEqualTo(path)).withQueryParam("query", equalTo(query)))
                .size();
    }

    double calls(String source, String outcome) {
        Counter c = registry.find("shopcore_price_source_calls_total")
                .tags("source", source, "outcome", outcome)
                .counter();
        return c == null ? 0 : c.count();
    }

    double searches(String status, String path) {
        Counter c = registry.find("shopcore_searches_total")
                .tags("kind", "price", "status", status, "path", path)
                .counter();
        return c == null ? 0 : c.count();
    }

    double breakerOpen(String source) {
        Gauge g = registry.find("shopcore_price_source_breaker_open")
                .tag("source", source)
                .gauge();
        return g == null ? -1 : g.value();
    }

    static String resource(String name) {
        try (InputStream in = PriceSourcesTest.class.getResourceAsStream("/price-sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenOwnProduct_priceSearch_answersFastWithoutAskingAnySource() {
        String word = "빠른길" + UUID.randomUUID().toString().substring(0, 6);
        createProduct(createCategory(unique("빠른 Fast")), word + " 키보드", "59000", 1);
        priceSearch(word)
                .statusCode(200)
                .body("path", Matchers.equalTo("fast"))
                .body("best.source", Matchers.equalTo("shopcore"));
        assertThat(requests(NAVER_PATH, word) + requests(FEED_PATH, word)).isZero();
    }

    @Test
    void givenRecordedNaverAnswer_priceSearch_answersItsItemsAsPlainTextExactDecimals() {
        String query = "아이폰 15 " + UUID.randomUUID().toString().substring(0, 6);
        server().stubFor(get(urlPathEqualTo(NAVER_PATH))
                .withQueryParam("query", equalTo(query))
                .withQueryParam("display", equalTo("20"))
                .withQueryParam("start", equalTo("1"))
                .withQueryParam("sort", equalTo("sim"))
                .withHeader("X-Naver-Client-Id", equalTo("test-client-id"))
                .withHeader("X-Naver-Client-Secret", equalTo("test-client-secret"))
                .atPriority(1)
                .willReturn(json(resource("naver-shop-iphone15.json"))));
        double before = calls("naver", "success");

        JsonPath answer = priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .extract()
                .jsonPath();

        assertThat(answer.getList("offers.source")).containsOnly("naver");
        assertThat(answer.getList("offers.name", String.class))
                .containsExactly(
                        "Apple 아이폰 15 128GB 자급제 블랙",
                        "Apple 아이폰 15 128GB [SKT] 기기변경 & 번호이동",
                        "Apple 정품 아이폰 15 Pro 256GB \"자급제\" 내추럴 티타늄");
        assertThat(answer.getList("offers.price", Object.class)).containsExactly(1049000, 1090000, 1520000);
        assertThat(answer.getString("best.productId")).isEqualTo("40852145619");
        assertThat(answer.getString("best.url")).isEqualTo("https://search.shopping.example.test/catalog/40852145619");
        assertThat(answer.getString("best.currency")).isEqualTo("KRW");
        assertThat(calls("naver", "success")).isEqualTo(before + 1);
        FailureRows.await(dataSource, query, "fast/miss/shopcore", "slow/miss/feed");
        assertThat(FailureRows.of(dataSource, query)).noneMatch(r -> r.contains("/naver"));
    }

    @Test
    void givenRecordedFeedAnswer_priceSearch_answersItsOffersExactly() {
        String query = "커피머신 " + UUID.randomUUID().toString().substring(0, 6);
        feedAnswers(FEED_PATH, query, json(resource("feed-coffee-machines.json")));

        String body = priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .extract()
                .asString();
        JsonPath answer = new JsonPath(body);

        assertThat(answer.getList("offers.name", String.class))
                .containsExactly("드롱기 전자동 커피머신 ECAM 22.110", "필립스 3200 시리즈 & LatteGo", "Breville Barista Express");
        assertThat(answer.getList("offers.currency", String.class)).containsExactly("KRW", "KRW", "USD");
        assertThat(body)
                .contains("\"price\":389000.50,")
                .contains("\"price\":549000,")
                .contains("\"price\":599.99,");
        assertThat(answer.getString("best.productId")).isEqualTo("DL-ECAM22110");
        assertThat(answer.getMap("offers[1]")).doesNotContainKey("productId").doesNotContainKey("url");
    }

    @Test
    void givenServerErrorThenSuccess_priceSearch_retriesAndAnswers() {
        String query = newQuery("재시도");
        server().stubFor(get(urlPathEqualTo(FEED_PATH))
                .withQueryParam("query", equalTo(query))
                .atPriority(1)
                .inScenario(query)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        server().stubFor(get(urlPathEqualTo(FEED_PATH))
                .withQueryParam("query", equalTo(query))
                .atPriority(1)
                .inScenario(query)
                .whenScenarioStateIs("recovered")
                .willReturn(json(offers("재시도 상품", "15000"))));
        double before = calls("feed", "success");

        priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .body("best.price", Matchers.equalTo(15000));

        assertThat(requests(FEED_PATH, query)).isEqualTo(2);
        assertThat(calls("feed", "success")).isEqualTo(before + 1);
        FailureRows.await(dataSource, query, "fast/miss/shopcore");
        assertThat(FailureRows.of(dataSource, query)).noneMatch(r -> r.endsWith("/feed"));
    }

    @Test
    void givenSourceSlowerThanItsTimeout_priceSearch_retriesThenAnswersTheOthers() {
        String query = newQuery("느린");
        feedAnswers(FEED_PATH, query, json(offers("느린", "100")).withFixedDelay(3_000));
        naverAnswers(query, json(naverItems("<b>느린</b> 상품", "20000")));
        double before = calls("feed", "timeout");

        priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .body("offers.source", Matchers.equalTo(List.of("naver")))
                .body("best.price", Matchers.equalTo(20000));

        assertThat(requests(FEED_PATH, query)).as("timeouts are retried").isGreaterThanOrEqualTo(2);
        assertThat(calls("feed", "timeout")).isEqualTo(before + 1);
        FailureRows.await(dataSource, query, "fast/miss/shopcore", "slow/timeout/feed");
    }

    @Test
    void givenSourceSlowerThanTheDeadline_priceSearch_answersThePartialResultAtTheDeadline() {
        String query = newQuery("마감");
        naverAnswers(query, json(naverItems("마감", "1000")).withFixedDelay(6_000));
        feedAnswers(FEED_PATH, query, json(offers("마감 상품", "30000")));

        priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .body("offers.source", Matchers.equalTo(List.of("feed")));

        FailureRows.await(dataSource, query, "fast/miss/shopcore", "slow/deadline/naver");
    }

    @Test
    void givenRateLimit_priceSearch_skipsTheSourceUntilRetryAfterPasses() {
        String query = newQuery("제한");
        feedAnswers(LIMITED_PATH, query, aResponse().withStatus(429).withHeader("Retry-After", "2"));
        feedAnswers(FEED_PATH, query, json(offers("제한 상품", "5000")));
        double limitedBefore = calls("limited", "rate_limited");
        double skippedBefore = calls("limited", "skipped");

        priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .body("offers.source", Matchers.equalTo(List.of("feed")));
        assertThat(calls("limited", "rate_limited")).isEqualTo(limitedBefore + 1);
        assertThat(requests(LIMITED_PATH, query)).as("a 429 is not retried").isEqualTo(1);
        FailureRows.await(dataSource, query, "slow/rate_limited/limited");

        String next = newQuery("제한 다음");
        priceSearch(next).statusCode(404);
        assertThat(requests(LIMITED_PATH, next))
                .as("skipped inside Retry-After")
                .isZero();
        assertThat(calls("limited", "skipped")).isEqualTo(skippedBefore + 1);

        String later = newQuery("제한 이후");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            priceSearch(later).statusCode(404);
            return requests(LIMITED_PATH, later) > 0;
        });
    }

    @Test
    void givenMalformedJson_priceSearch_recordsItAndAnswersTheOthers() {
        String query = newQuery("깨진");
        feedAnswers(FEED_PATH, query, json("{\"offers\": [{\"name\": \"x\", \"price\": 1"));
        naverAnswers(query, json(naverItems("깨진 &amp; 상품", "7000")));
        double before = calls("feed", "malformed");

        priceSearch(query).statusCode(200).body("offers.name", Matchers.equalTo(List.of("깨진 & 상품")));

        assertThat(calls("feed", "malformed")).isEqualTo(before + 1);
        assertThat(requests(FEED_PATH, query))
                .as("malformed answers are not retried")
                .isEqualTo(1);
        FailureRows.await(dataSource, query, "slow/malformed/feed");
    }

    @Test
    void givenHtmlInsteadOfJson_priceSearch_recordsItAndAnswersTheOthers() {
        String query = newQuery("HTML");
        naverAnswers(
                query,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody("<!DOCTYPE html><html><body><h1>점검 중</h1></body></html>"));
        feedAnswers(FEED_PATH, query, json(offers("HTML 상품", "8000")));
        double before = calls("naver", "malformed");

        priceSearch(query).statusCode(200).body("offers.source", Matchers.equalTo(List.of("feed")));

        assertThat(calls("naver", "malformed")).isEqualTo(before + 1);
        FailureRows.await(dataSource, query, "slow/malformed/naver");
    }

    @Test
    void givenRepeatedFailures_breaker_opensSkipsTheSourceAndClosesAgain() {
        String query = newQuery("차단기");
        feedAnswers(FLAKY_PATH, query, aResponse().withStatus(503));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            priceSearch(query);
            return breakerOpen("flaky") == 1.0;
        });
        int calledBefore = requests(FLAKY_PATH, query);
        double openBefore = calls("flaky", "circuit_open");
        assertProblem(priceSearch(query), 404, "not_found");
        assertThat(requests(FLAKY_PATH, query))
                .as("an open breaker calls nothing")
                .isEqualTo(calledBefore);
        assertThat(calls("flaky", "circuit_open")).isEqualTo(openBefore + 1);
        FailureRows.await(dataSource, query, "slow/server_error/flaky", "slow/circuit_open/flaky");

        feedAnswers(FLAKY_PATH, query, json(offers("차단기 상품", "4000")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> priceSearch(query).extract().statusCode() == 200);
        priceSearch(query).statusCode(200).body("offers.source", Matchers.equalTo(List.of("flaky")));
        await().atMost(Duration.ofSeconds(5)).until(() -> breakerOpen("flaky") == 0.0);
    }

    @Test
    void givenDatabaseDown_priceSearch_answersFromTheSources() {
        String query = newQuery("DB장애");
        naverAnswers(query, json(naverItems("DB장애 <b>상품</b>", "12000")));
        SwitchableProductSearch.databaseDown = true;

        priceSearch(query)
                .statusCode(200)
                .body("path", Matchers.equalTo("slow"))
                .body("best.name", Matchers.equalTo("DB장애 상품"));

        FailureRows.await(dataSource, query, "fast/failed/shopcore");
    }

    @Test
    void givenDatabaseDownAndEverySourceFailing_priceSearch_answersUnavailableWithRetryAfter() {
        String query = newQuery("전부장애");
        naverAnswers(query, aResponse().withStatus(500));
        for (String path : new String[] {FEED_PATH, FLAKY_PATH, LIMITED_PATH}) {
            feedAnswers(path, query, aResponse().withStatus(502));
        }
        SwitchableProductSearch.databaseDown = true;
        double before = searches("error", "none");

        assertProblem(priceSearch(query), 503, "unavailable").header("Retry-After", "2");

        assertThat(searches("error", "none")).isEqualTo(before + 1);
        FailureRows.await(
                dataSource, query, "fast/failed/shopcore", "slow/server_error/naver", "none/unavailable/null");
    }

    @Test
    void givenDatabaseDownAndSourcesFindNothing_priceSearch_answersNotFound() {
        SwitchableProductSearch.databaseDown = true;
        assertProblem(priceSearch(newQuery("전부없음")), 404, "not_found");
    }
}
