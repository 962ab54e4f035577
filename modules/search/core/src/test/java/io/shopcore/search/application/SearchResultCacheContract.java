package io.shopcore.search.application;

import static io.shopcore.search.application.SearchFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.SearchResultCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SearchResultCache} must do (outside a transaction); the fake here, Redis in bootstrap. */
public abstract class SearchResultCacheContract {

    protected abstract SearchResultCache cache();

    private static MatchPage page(String name) {
        return new MatchPage(
                List.of(new ProductMatch(1, name, "설명", new BigDecimal("12000"), "KRW", 3, "전자", 0.5)), 1, null);
    }

    private static String text() {
        return "q" + UUID.randomUUID();
    }

    @Test
    void givenFilledPage_lookupOfTheSameQuery_answersIt() {
        String q = text();
        SearchResultCache.Lookup first = cache().lookup(query(q));
        assertThat(first.cached()).isEmpty();
        first.fill(new MatchPage(page("아이패드").matches(), 7, "아이패드"));
        assertThat(cache().lookup(query(q)).cached())
                .contains(new MatchPage(page("아이패드").matches(), 7, "아이패드"));
        assertThat(cache().lookup(query(q + "x")).cached()).isEmpty();
        assertThat(cache().lookup(new io.shopcore.search.application.port.in.SearchProductsUseCase.Query(
                                q, null, null, null, null, 1, 20))
                        .cached())
                .as("another page")
                .isEmpty();
    }

    @Test
    void givenInvalidate_lookup_missesEveryPage() {
        String q = text();
        cache().lookup(query(q)).fill(page("a"));
        cache().invalidate();
        assertThat(cache().lookup(query(q)).cached()).isEmpty();
    }

    @Test
    void givenFillFromBeforeAnInvalidation_lookup_neverServesIt() {
        String q = text();
        SearchResultCache.Lookup stale = cache().lookup(query(q));
        cache().invalidate();
        stale.fill(page("old"));
        assertThat(cache().lookup(query(q)).cached()).isEmpty();
    }
}
