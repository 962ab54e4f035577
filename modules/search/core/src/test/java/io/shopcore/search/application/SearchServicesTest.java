package io.shopcore.search.application;

import static io.shopcore.search.application.SearchFixtures.aProduct;
import static io.shopcore.search.application.SearchFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.search.application.port.in.RebuildSearchIndexUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Hit;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Result;
import io.shopcore.search.application.port.out.CatalogFeed;
import io.shopcore.search.domain.IndexedProduct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchServicesTest {

    final InMemoryProductSearchIndex index = new InMemoryProductSearchIndex();
    final InMemorySearchResultCache cache = new InMemorySearchResultCache();
    final Map<Long, Integer> stock = new HashMap<>();
    final List<IndexedProduct> catalog = new ArrayList<>();
    final CatalogFeed feed = (after, limit) ->
            catalog.stream().filter(p -> p.id() > after).limit(limit).toList();
    final SearchProductsService search = new SearchProductsService(index, cache, ids -> {
        Map<Long, Integer> found = new HashMap<>();
        ids.forEach(id -> {
            if (stock.containsKey(id)) {
                found.put(id, stock.get(id));
            }
        });
        return found;
    });
    final IndexProductsService indexing = new IndexProductsService(index, cache);
    final RebuildSearchIndexService rebuild = new RebuildSearchIndexService(index, feed, cache);

    private void add(IndexedProduct p, int available) {
        catalog.add(p);
        stock.put(p.id(), available);
        indexing.productChanged(p);
    }

    @Test
    void givenProducts_search_answersHitsWithFreshAvailability() {
        add(aProduct(1, "아이패드 프로"), 5);
        Result first = search.search(query("아이패드"));
        assertThat(first.hits())
                .extracting(Hit::productId, Hit::available)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 5));
        assertThat(first.total()).isEqualTo(1);
        assertThat(first.correctedQuery()).isNull();
        stock.put(1L, 2);
        Result cached = search.search(query("아이패드"));
        assertThat(cache.hits.get()).isEqualTo(1);
        assertThat(cached.hits().getFirst().available())
                .as("availability is never cached")
                .isEqualTo(2);
    }

    @Test
    void givenProductWithoutStockLevel_search_answersZeroAvailable() {
        indexing.productChanged(aProduct(1, "무선 이어폰"));
        assertThat(search.search(query("이어폰")).hits().getFirst().available()).isZero();
    }

    @Test
    void givenCachedAnswer_productChanges_nextSearchSeesTheChange() {
        add(aProduct(1, "아이패드 프로"), 1);
        assertThat(search.search(query("아이패드")).total()).isEqualTo(1);
        indexing.productChanged(aProduct(1, "갤럭시 탭"));
        assertThat(search.search(query("아이패드")).total()).isZero();
        indexing.productRemoved(1);
        assertThat(search.search(query("갤럭시")).total()).isZero();
    }

    @Test
    void givenTypos_search_correctsAgainstTheDictionaryAndSaysSo() {
        add(aProduct(1, "아이패드 프로"), 1);
        add(aProduct(2, "갤럭시 탭"), 1);
        add(aProduct(3, "Apple iPhone 15"), 1);
        assertThat(correction("아이페드")).isEqualTo("아이패드");
        assertThat(correction("겔럭시")).isEqualTo("갤럭시");
        assertThat(correction("iphnoe")).isEqualTo("iphone");
        assertThat(correction("iphnoe 15")).isEqualTo("iphone 15");
        assertThat(search.search(query("아이페드")).hits())
                .extracting(Hit::productId)
                .containsExactly(1L);
    }

    @Test
    void givenNoCloseTerm_search_answersNothingWithoutCorrection() {
        add(aProduct(1, "아이패드 프로"), 1);
        Result r = search.search(query("냉장고"));
        assertThat(r.total()).isZero();
        assertThat(r.correctedQuery()).isNull();
        assertThat(search.search(query("아이패드 냉장고")).correctedQuery())
                .as("known words are kept; nothing to correct")
                .isNull();
        assertThat(search.search(query("%")).correctedQuery()).isNull();
    }

    @Test
    void givenCorrectionThatStillFindsNothing_search_answersTheOriginalEmptyResult() {
        add(aProduct(1, "아이패드 프로", "", 10_000, 1, "전자"), 1);
        Result r = search.search(query("아이페드", 2L, null, null, null, 0, 20));
        assertThat(r.total()).isZero();
        assertThat(r.correctedQuery()).isNull();
    }

    @Test
    void givenMatches_search_doesNotCorrect() {
        add(aProduct(1, "아이페드 짝퉁"), 1);
        add(aProduct(2, "아이패드"), 1);
        Result r = search.search(query("아이페드"));
        assertThat(r.hits()).extracting(Hit::productId).containsExactly(1L);
        assertThat(r.correctedQuery()).isNull();
    }

    @Test
    void givenCatalog_rebuild_answersLikeTheIncrementalFeed() {
        for (int i = 1; i <= 1_200; i++) {
            add(
                    aProduct(
                            i,
                            (i % 2 == 0 ? "아이패드 " : "Galaxy Tab ") + i,
                            "설명 " + i,
                            1_000L * (i % 17),
                            i % 3 + 1,
                            "카테고리 " + (i % 3)),
                    i);
        }
        indexing.productChanged(aProduct(5, "renamed 갤럭시"));
        catalog.set(4, aProduct(5, "renamed 갤럭시"));
        indexing.productRemoved(7);
        catalog.removeIf(p -> p.id() == 7);
        List<Result> before = answers();
        Map<String, Long> dictionaryBefore = index.dictionary();
        RebuildSearchIndexUseCase.Result r = rebuild.rebuild();
        assertThat(r.indexed()).isEqualTo(1_199);
        assertThat(answers()).isEqualTo(before);
        assertThat(index.dictionary()).isEqualTo(dictionaryBefore);
    }

    @Test
    void givenEmptyIndexAndFullCatalog_rebuildIfEmpty_rebuildsOnce() {
        catalog.add(aProduct(1, "아이패드"));
        assertThat(rebuild.rebuildIfEmpty()).isEqualTo(new RebuildSearchIndexUseCase.Result(true, 1));
        assertThat(rebuild.rebuildIfEmpty()).isEqualTo(new RebuildSearchIndexUseCase.Result(false, 1));
        assertThat(search.search(query("아이패드")).total()).isEqualTo(1);
    }

    @Test
    void givenEmptyCatalog_rebuildIfEmpty_doesNothing() {
        assertThat(rebuild.rebuildIfEmpty().rebuilt()).isFalse();
    }

    @Test
    void givenDatabaseWithoutKoreanTrigrams_check_refusesWithHowToFix() {
        new KoreanTrigramCheck(index).verify();
        index.keepsHangulTrigrams(false);
        assertThatThrownBy(() -> new KoreanTrigramCheck(index).verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("show_trgm('가나다')")
                .hasMessageContaining("LC_CTYPE");
    }

    private List<Result> answers() {
        List<Result> out = new ArrayList<>();
        for (String q : List.of("아이패드", "galaxy", "갤럭시", "설명", "카테고리", "12", "tab 5", "아이페드", "renamed")) {
            out.add(search.search(query(q)));
            out.add(search.search(query(
                    q,
                    2L,
                    2_000L,
                    9_000L,
                    io.shopcore.search.application.port.in.SearchProductsUseCase.Sort.PRICE_DESC,
                    1,
                    7)));
        }
        return out;
    }

    private String correction(String text) {
        return search.search(query(text)).correctedQuery();
    }
}
