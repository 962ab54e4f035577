package io.shopcore.search.application;

import static io.shopcore.search.application.SearchFixtures.aProduct;
import static io.shopcore.search.application.SearchFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Sort;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.ProductSearchIndex;
import io.shopcore.search.application.port.out.ProductSearchIndex.DictionaryTerm;
import io.shopcore.search.domain.IndexedProduct;
import io.shopcore.search.domain.SearchDocument;
import io.shopcore.search.domain.SearchTerms;
import io.shopcore.search.domain.TextAnalysis;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductSearchIndex} must do; run against the in-memory fake here and against
 * the PostgreSQL adapter in bootstrap. Exact scores are the adapter's business; orders are not.
 */
public abstract class ProductSearchIndexContract {

    protected abstract ProductSearchIndex index();

    /** Runs index writes the way the application does (in a transaction for a real store). */
    protected abstract void inTransaction(Runnable work);

    protected <T> T read(Supplier<T> work) {
        return work.get();
    }

    @BeforeEach
    void emptyIndex() {
        inTransaction(() -> {
            index().startRebuild();
            index().finishRebuild();
        });
    }

    protected void save(IndexedProduct... products) {
        inTransaction(() -> {
            for (IndexedProduct p : products) {
                index().save(SearchDocument.of(p));
            }
        });
    }

    protected List<Long> ids(String text) {
        return ids(query(text));
    }

    protected List<Long> ids(Query q) {
        return search(q).matches().stream().map(ProductMatch::productId).toList();
    }

    protected MatchPage search(Query q) {
        return read(() -> index().search(SearchTerms.parse(q.text()), q));
    }

    @Test
    void givenKoreanName_searchWholeWordPrefixAndParts_matches() {
        save(aProduct(1, "아이패드 프로 11"), aProduct(2, "갤럭시 탭"), aProduct(3, "무선 이어폰"));
        for (String q : List.of("아이패드", "패드", "이패드", "아이", "아이패", "프로", "아이패드 프로")) {
            assertThat(ids(q)).as(q).containsExactly(1L);
        }
        assertThat(ids("패드아이")).isEmpty();
        assertThat(ids("아이패드 갤럭시")).as("every term must match").isEmpty();
    }

    @Test
    void givenEnglishName_searchWholeWordPrefixAndPartialWord_matches() {
        save(aProduct(1, "iPad Pro 11"), aProduct(2, "Galaxy Tab S9"), aProduct(3, "Sony Headphones"));
        for (String q : List.of("ipad", "IPAD", "ip", "pad", "pro", "11", "ipad pro", "ＩＰＡＤ")) {
            assertThat(ids(q)).as(q).containsExactly(1L);
        }
        assertThat(ids("ipads")).isEmpty();
        assertThat(ids("tab s9")).containsExactly(2L);
    }

    @Test
    void givenMixedName_searchEitherScriptOrBoth_matches() {
        save(aProduct(1, "삼성 갤럭시S24 울트라"), aProduct(2, "Apple 에어팟 Pro"));
        assertThat(ids("갤럭시s24")).containsExactly(1L);
        assertThat(ids("s24")).containsExactly(1L);
        assertThat(ids("갤럭시")).containsExactly(1L);
        assertThat(ids("apple 에어팟")).containsExactly(2L);
        assertThat(ids("팟")).containsExactly(2L);
    }

    @Test
    void givenCategoryAndDescription_searchTheirWords_matchesWithNameFirst() {
        save(
                aProduct(1, "Trail Shoes", "light running shoes for mountains", 100, 7, "스포츠 Sports"),
                aProduct(2, "Running Shoes", "", 100, 7, "스포츠 Sports"),
                aProduct(3, "Desk", "", 100, 8, "가구 Furniture"));
        assertThat(ids("running")).containsExactly(2L, 1L);
        assertThat(ids("스포츠")).containsExactly(1L, 2L);
        assertThat(ids("furniture")).containsExactly(3L);
    }

    @Test
    void givenSymbolsInQuery_search_matchesThemLiterally() {
        save(
                aProduct(1, "면 100% 티셔츠"),
                aProduct(2, "snake_case 머그"),
                aProduct(3, "back\\slash 키링"),
                aProduct(4, "Kiehl's 크림"),
                aProduct(5, "R&D 노트"),
                aProduct(6, "USB-C 케이블 (2m)"),
                aProduct(7, "plain name"),
                aProduct(8, "100 퍼센트"),
                aProduct(9, "snakeXcase"));
        assertThat(ids("%")).containsExactly(1L);
        assertThat(ids("100%")).containsExactly(1L);
        assertThat(ids("_")).containsExactly(2L);
        assertThat(ids("snake_case")).containsExactly(2L);
        assertThat(ids("\\")).containsExactly(3L);
        assertThat(ids("kiehl's")).containsExactly(4L);
        assertThat(ids("r&d")).containsExactly(5L);
        assertThat(ids("usb-c")).containsExactly(6L);
        assertThat(ids("(2m)")).containsExactly(6L);
        for (String q : List.of(
                "'",
                "\"",
                "(",
                ")",
                "&",
                "|",
                "!",
                ":",
                "*",
                "<",
                "->",
                "<->",
                "a%e",
                "n_me",
                "%%",
                "\\%",
                "'' or 1=1 --",
                "!ipad & (pro | :*)",
                "plain:*",
                "plain & name",
                "plain | x")) {
            List<Long> found = ids(q);
            assertThat(found).as(q).doesNotContain(7L).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void givenFilters_search_appliesCategoryAndInclusivePriceBounds() {
        save(
                aProduct(1, "의자 A", "", 10_000, 1, "가구"),
                aProduct(2, "의자 B", "", 20_000, 1, "가구"),
                aProduct(3, "의자 C", "", 30_000, 2, "사무"),
                aProduct(4, "의자 D", "", 40_000, 1, "가구"));
        assertThat(ids(query("의자", 1L, null, null, Sort.PRICE, 0, 20))).containsExactly(1L, 2L, 4L);
        assertThat(ids(query("의자", null, 20_000L, 30_000L, Sort.PRICE, 0, 20))).containsExactly(2L, 3L);
        assertThat(ids(query("의자", null, 10_000L, 10_000L, Sort.PRICE, 0, 20))).containsExactly(1L);
        assertThat(ids(query("의자", 1L, 20_000L, null, Sort.PRICE, 0, 20))).containsExactly(2L, 4L);
        assertThat(ids(query("의자", 2L, null, 29_999L, Sort.PRICE, 0, 20))).isEmpty();
    }

    @Test
    void givenManyMatches_search_sortsPaginatesAndCountsAll() {
        save(
                aProduct(1, "머그컵 1", "", 3_000, 1, "주방"),
                aProduct(2, "머그컵 2", "", 1_000, 1, "주방"),
                aProduct(3, "머그컵 3", "", 2_000, 1, "주방"),
                aProduct(4, "머그컵 4", "", 2_000, 1, "주방"),
                aProduct(5, "접시", "", 500, 1, "주방"));
        assertThat(ids(query("머그컵", null, null, null, Sort.PRICE, 0, 20))).containsExactly(2L, 3L, 4L, 1L);
        assertThat(ids(query("머그컵", null, null, null, Sort.PRICE_DESC, 0, 20))).containsExactly(1L, 3L, 4L, 2L);
        assertThat(ids(query("머그컵", null, null, null, Sort.RELEVANCE, 0, 20))).containsExactly(1L, 2L, 3L, 4L);
        MatchPage second = search(query("머그컵", null, null, null, Sort.PRICE, 1, 3));
        assertThat(second.matches()).extracting(ProductMatch::productId).containsExactly(1L);
        assertThat(second.total()).isEqualTo(4);
        MatchPage beyond = search(query("머그컵", null, null, null, Sort.PRICE, 5, 3));
        assertThat(beyond.matches()).isEmpty();
        assertThat(beyond.total()).isEqualTo(4);
    }

    @Test
    void givenMatch_search_returnsTheProductsFields() {
        IndexedProduct p = aProduct(1, "Kimchi 3kg", "맛있는 김치", 17_900, 4, "식품 Food");
        save(p);
        ProductMatch m = search(query("kimchi")).matches().getFirst();
        assertThat(m.name()).isEqualTo("Kimchi 3kg");
        assertThat(m.description()).isEqualTo("맛있는 김치");
        assertThat(m.price()).isEqualByComparingTo("17900");
        assertThat(m.currency()).isEqualTo("KRW");
        assertThat(m.categoryId()).isEqualTo(4);
        assertThat(m.categoryName()).isEqualTo("식품 Food");
        assertThat(m.score()).isPositive();
    }

    @Test
    void givenSavedProduct_saveAgainOrRemove_replacesOrForgetsIt() {
        save(aProduct(1, "아이패드 미니"));
        save(aProduct(1, "갤럭시 탭"));
        assertThat(ids("아이패드")).isEmpty();
        assertThat(ids("갤럭시")).containsExactly(1L);
        inTransaction(() -> index().remove(1));
        inTransaction(() -> index().remove(99));
        assertThat(ids("갤럭시")).isEmpty();
        assertThat(read(() -> index().size())).isZero();
    }

    @Test
    void givenDictionary_similarTerms_findsCloseWordsOfRemainingProducts() {
        save(aProduct(1, "아이패드 프로"), aProduct(2, "갤럭시 탭"), aProduct(3, "iPhone 15"), aProduct(4, "아이패드 에어"));
        assertThat(terms("아이페드")).contains("아이패드");
        assertThat(terms("겔럭시")).contains("갤럭시");
        assertThat(terms("iphnoe")).contains("iphone");
        assertThat(read(() -> index().similarTerms(TextAnalysis.fold("아이패드"), 5)))
                .filteredOn(t -> t.term().equals("아이패드"))
                .extracting(DictionaryTerm::products)
                .containsExactly(2L);
        inTransaction(() -> index().remove(2));
        assertThat(terms("겔럭시")).doesNotContain("갤럭시");
        save(aProduct(4, "아이패드 에어"));
        assertThat(read(() -> index().similarTerms(TextAnalysis.fold("아이패드"), 5)))
                .filteredOn(t -> t.term().equals("아이패드"))
                .extracting(DictionaryTerm::products)
                .containsExactly(2L);
    }

    @Test
    void givenRebuild_fromTheSameProducts_answersLikeIncrementalSaves() {
        List<IndexedProduct> products = List.of(
                aProduct(1, "아이패드 프로"),
                aProduct(2, "iPad Air"),
                aProduct(3, "갤럭시 탭", "태블릿", 300, 2, "전자"),
                aProduct(4, "아이패드 케이스"));
        save(products.toArray(IndexedProduct[]::new));
        save(aProduct(4, "아이패드 커버"));
        List<MatchPage> incremental = answers();
        List<DictionaryTerm> incrementalTerms = read(() -> index().similarTerms(TextAnalysis.fold("아이패드"), 20));
        inTransaction(() -> {
            index().startRebuild();
            index().addAll(List.of(
                    SearchDocument.of(products.get(0)),
                    SearchDocument.of(products.get(1)),
                    SearchDocument.of(products.get(2)),
                    SearchDocument.of(aProduct(4, "아이패드 커버"))));
            index().finishRebuild();
        });
        assertThat(answers()).isEqualTo(incremental);
        assertThat(read(() -> index().similarTerms(TextAnalysis.fold("아이패드"), 20)))
                .isEqualTo(incrementalTerms);
    }

    private List<MatchPage> answers() {
        return List.of("아이패드", "ipad", "패드", "태블릿", "전자", "커버", "케이스").stream()
                .map(q -> search(query(q)))
                .toList();
    }

    private List<String> terms(String word) {
        return read(() -> index().similarTerms(TextAnalysis.fold(word), 20)).stream()
                .map(DictionaryTerm::term)
                .toList();
    }
}
