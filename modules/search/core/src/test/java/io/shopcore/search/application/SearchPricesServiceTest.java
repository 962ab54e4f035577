package io.shopcore.search.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.search.application.port.in.SearchPricesUseCase.Found;
import io.shopcore.search.application.port.in.SearchPricesUseCase.NotFound;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Path;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Query;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Result;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Unavailable;
import io.shopcore.search.application.port.in.SearchProductsUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Hit;
import io.shopcore.search.application.port.out.PriceSource;
import io.shopcore.search.application.port.out.PriceSource.Failure;
import io.shopcore.search.domain.InvalidSearchQuery;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchPricesServiceTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    final InMemoryPriceCache cache = new InMemoryPriceCache();
    final InMemorySearchFailureLog failures = new InMemorySearchFailureLog();
    final List<Hit> catalog = new ArrayList<>();
    final AtomicInteger catalogCalls = new AtomicInteger();
    RuntimeException catalogFailure;
    final List<PriceSource> sources = new ArrayList<>();
    PriceSearchSettings settings = new PriceSearchSettings(Duration.ofSeconds(5), 20, 50, "KRW", Duration.ofSeconds(2));

    final SearchProductsUseCase products = query -> {
        catalogCalls.incrementAndGet();
        if (catalogFailure != null) {
            throw catalogFailure;
        }
        List<Hit> hits = catalog.stream()
                .filter(h -> h.name().contains(query.text()))
                .limit(query.size())
                .toList();
        return new SearchProductsUseCase.Result(hits, 0, query.size(), hits.size(), null);
    };

    SearchPricesService service() {
        return new SearchPricesService(
                cache, products, () -> List.copyOf(sources), failures, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Result search(String text) {
        return service().search(new Query(text));
    }

    void product(long id, String name, String price) {
        catalog.add(new Hit(id, name, null, new BigDecimal(price), "KRW", 1, "전자", 1.0, 3));
    }

    static List<String> prices(Found found) {
        return found.offers().stream()
                .map(o -> o.source() + ":" + o.price().toPlainString())
                .toList();
    }

    @Test
    void givenOwnProducts_search_answersFastWithCheapestFirstAndCachesIt() {
        product(7, "아이패드 프로", "1200000");
        product(8, "아이패드 에어", "900000");
        FakePriceSource naver = FakePriceSource.offering("naver", "1000");
        sources.add(naver);

        Found found = (Found) search("아이패드");

        assertThat(found.path()).isEqualTo(Path.FAST);
        assertThat(prices(found)).containsExactly("shopcore:900000", "shopcore:1200000");
        assertThat(found.best()).isEqualTo(found.offers().getFirst());
        assertThat(found.best().productId()).isEqualTo("8");
        assertThat(found.best().url()).isEqualTo("/api/v1/products/8");
        assertThat(naver.calls)
                .as("the slow path runs only when the fast path misses")
                .hasValue(0);
        assertThat(failures.records).isEmpty();
        assertThat(cache.get("아이패드")).contains(found.offers());
        assertThat(cache.partial).isEmpty();
    }

    @Test
    void givenCachedAnswer_search_answersFromCacheWithoutAnyPath() {
        product(7, "아이패드", "1200000");
        FakePriceSource naver = FakePriceSource.offering("naver", "1000");
        sources.add(naver);
        search("  아이패드 ");
        catalogCalls.set(0);

        Found again = (Found) search("아이패드");

        assertThat(again.path()).isEqualTo(Path.CACHE);
        assertThat(prices(again)).containsExactly("shopcore:1200000");
        assertThat(catalogCalls).hasValue(0);
        assertThat(naver.calls).hasValue(0);
    }

    @Test
    void givenOwnCatalogMisses_search_asksEverySourceAndMergesCheapestFirst() {
        FakePriceSource naver = FakePriceSource.offering("naver", "15000", "9000");
        FakePriceSource feed = FakePriceSource.offering("feed", "12000");
        sources.add(naver);
        sources.add(feed);

        Found found = (Found) search("무선 청소기");

        assertThat(found.path()).isEqualTo(Path.SLOW);
        assertThat(prices(found)).containsExactly("naver:9000", "feed:12000", "naver:15000");
        assertThat(found.best().source()).isEqualTo("naver");
        assertThat(failures.summary()).containsExactly("fast/miss/shopcore");
        assertThat(failures.records.getFirst().query()).isEqualTo("무선 청소기");
        assertThat(failures.records.getFirst().at()).isEqualTo(NOW);
        assertThat(cache.get("무선 청소기")).contains(found.offers());
        assertThat(cache.partial).isEmpty();
        assertThat(((Found) search("무선 청소기")).path()).isEqualTo(Path.CACHE);
    }

    @Test
    void givenOneSourceFails_search_answersThePartialResultAndCachesItAsPartial() {
        sources.add(FakePriceSource.failing("naver", Failure.SERVER_ERROR));
        sources.add(FakePriceSource.offering("feed", "12000"));

        Found found = (Found) search("청소기");

        assertThat(prices(found)).containsExactly("feed:12000");
        assertThat(failures.summary()).containsExactly("fast/miss/shopcore", "slow/server_error/naver");
        assertThat(failures.records.get(1).detail()).contains("SERVER_ERROR");
        assertThat(cache.partial).containsExactly("청소기");
    }

    @Test
    void givenSourceSlowerThanTheDeadline_search_answersWithoutItAndInterruptsIt() throws Exception {
        settings = new PriceSearchSettings(Duration.ofMillis(500), 20, 50, "KRW", Duration.ofSeconds(2));
        FakePriceSource slow = FakePriceSource.blocking("slow");
        sources.add(slow);
        sources.add(FakePriceSource.offering("feed", "12000"));

        Found found = (Found) search("청소기");

        assertThat(prices(found)).containsExactly("feed:12000");
        assertThat(failures.summary()).containsExactly("fast/miss/shopcore", "slow/deadline/slow");
        assertThat(slow.interrupted.await(10, TimeUnit.SECONDS))
                .as("the late call is interrupted")
                .isTrue();
    }

    @Test
    void givenEveryPathMisses_search_answersNotFoundAndRecordsEachMiss() {
        sources.add(FakePriceSource.offering("naver"));
        sources.add(FakePriceSource.offering("feed"));

        Result result = search("없는 상품");

        assertThat(result).isInstanceOf(NotFound.class);
        assertThat(((NotFound) result).query()).isEqualTo("없는 상품");
        assertThat(failures.summary())
                .containsExactly("fast/miss/shopcore", "slow/miss/naver", "slow/miss/feed", "none/not_found/null");
        assertThat(cache.get("없는 상품")).as("misses are not cached").isEmpty();
    }

    @Test
    void givenOwnCatalogMissesAndEverySourceFails_search_answersNotFound() {
        sources.add(FakePriceSource.failing("naver", Failure.CIRCUIT_OPEN));

        assertThat(search("없는 상품")).isInstanceOf(NotFound.class);
        assertThat(failures.summary())
                .containsExactly("fast/miss/shopcore", "slow/circuit_open/naver", "none/not_found/null");
    }

    @Test
    void givenOwnCatalogDownAndEverySourceFails_search_answersUnavailable() {
        catalogFailure = new IllegalStateException("store down");
        sources.add(FakePriceSource.failing("naver", Failure.CIRCUIT_OPEN));
        sources.add(FakePriceSource.failing("feed", Failure.TIMEOUT));

        Result result = search("아이패드");

        assertThat(result).isInstanceOf(Unavailable.class);
        assertThat(((Unavailable) result).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(failures.summary())
                .containsExactly(
                        "fast/failed/shopcore",
                        "slow/circuit_open/naver",
                        "slow/timeout/feed",
                        "none/unavailable/null");
        assertThat(failures.records.getFirst().detail()).contains("store down");
    }

    @Test
    void givenOwnCatalogDownAndNoSources_search_answersUnavailable() {
        catalogFailure = new IllegalStateException("store down");
        assertThat(search("아이패드")).isInstanceOf(Unavailable.class);
    }

    @Test
    void givenOwnCatalogDownAndASourceAnswers_search_answersSlow() {
        catalogFailure = new IllegalStateException("store down");
        sources.add(FakePriceSource.offering("naver", "1000"));
        Found found = (Found) search("아이패드");
        assertThat(found.path()).isEqualTo(Path.SLOW);
        assertThat(failures.summary()).containsExactly("fast/failed/shopcore");
    }

    @Test
    void givenOwnCatalogDownAndSourcesFindNothing_search_answersNotFound() {
        catalogFailure = new IllegalStateException("store down");
        sources.add(FakePriceSource.offering("naver"));
        assertThat(search("아이패드")).isInstanceOf(NotFound.class);
    }

    @Test
    void givenSourceThatThrows_search_treatsItAsAFailedSource() {
        sources.add(new FakePriceSource("buggy", text -> {
            throw new IllegalArgumentException("bug");
        }));
        sources.add(FakePriceSource.offering("feed", "5"));
        Found found = (Found) search("x");
        assertThat(prices(found)).containsExactly("feed:5");
        assertThat(failures.summary()).containsExactly("fast/miss/shopcore", "slow/error/buggy");
    }

    @Test
    void givenOffersInOtherCurrencies_search_picksTheBestInThePreferredCurrency() {
        sources.add(new FakePriceSource(
                "global",
                text -> new PriceSource.Offers(List.of(
                        new PriceOffer("global", null, "a", new BigDecimal("10"), "USD", null),
                        new PriceOffer("global", null, "b", new BigDecimal("13000"), "krw", null)))));
        Found found = (Found) search("x");
        assertThat(found.best().currency()).isEqualTo("KRW");
        assertThat(prices(found)).containsExactly("global:13000", "global:10");
    }

    @Test
    void givenMoreOffersThanTheLimit_search_answersTheCheapest() {
        settings = new PriceSearchSettings(Duration.ofSeconds(5), 20, 2, "KRW", Duration.ofSeconds(2));
        sources.add(FakePriceSource.offering("feed", "3", "1", "2"));
        assertThat(prices((Found) search("x"))).containsExactly("feed:1", "feed:2");
    }

    @Test
    void givenManyOwnMatches_search_asksProductSearchForTheConfiguredNumber() {
        settings = new PriceSearchSettings(Duration.ofSeconds(5), 2, 50, "KRW", Duration.ofSeconds(2));
        product(1, "컵 a", "300");
        product(2, "컵 b", "200");
        product(3, "컵 c", "100");
        assertThat(prices((Found) search("컵"))).containsExactly("shopcore:200", "shopcore:300");
    }

    @Test
    void givenBadTexts_query_isRejectedNamingQuery() {
        for (String bad : new String[] {null, "", "   ", "\u0000\t", "가".repeat(201)}) {
            assertThatThrownBy(() -> new Query(bad))
                    .isInstanceOf(InvalidSearchQuery.class)
                    .satisfies(e -> assertThat(((InvalidSearchQuery) e).field()).isEqualTo("query"));
        }
        assertThat(new Query("  " + "가".repeat(200) + "\n").text()).hasSize(200);
        assertThat(new Query(" iPad\tPRO  11 ").normalized()).isEqualTo("ipad pro 11");
        assertThat(new Query("ｉＰａｄ").normalized()).isEqualTo("ipad");
    }
}
