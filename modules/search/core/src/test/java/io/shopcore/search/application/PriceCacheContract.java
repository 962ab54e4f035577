package io.shopcore.search.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PriceCache} must do; the fake here, Redis in bootstrap. */
public abstract class PriceCacheContract {

    protected abstract PriceCache cache();

    /** A catalog change, as the adapter learns of it. */
    protected abstract void catalogChanged();

    private Optional<List<PriceOffer>> get(String q) {
        return cache().lookup(q).cached();
    }

    private void put(String q, List<PriceOffer> offers, boolean partial) {
        cache().lookup(q).fill(offers, partial);
    }

    private static String text() {
        return "q " + UUID.randomUUID();
    }

    static List<PriceOffer> offers() {
        return List.of(
                new PriceOffer("shopcore", "42", "아이패드 프로 11", new BigDecimal("1200000"), "KRW", "/api/v1/products/42"),
                new PriceOffer("naver", null, "iPad <Pro> & \"11\"", new BigDecimal("1190000.50"), "KRW", null),
                new PriceOffer(
                        "feed", "SKU-1", "iPad", new BigDecimal("999.99"), "USD", "https://example.test/a?b=1&c=2"));
    }

    @Test
    void givenStoredOffers_get_answersThemExactly() {
        String q = text();
        assertThat(get(q)).isEmpty();
        put(q, offers(), false);
        assertThat(get(q)).contains(offers());
        assertThat(get(q + "x")).isEmpty();
    }

    @Test
    void givenPartialOffers_get_answersThemToo() {
        String q = text();
        put(q, offers().subList(0, 1), true);
        assertThat(get(q)).contains(offers().subList(0, 1));
    }

    @Test
    void givenNoOffers_put_storesNothing() {
        String q = text();
        put(q, List.of(), false);
        assertThat(get(q)).isEmpty();
    }

    @Test
    void givenPriceScale_get_keepsTheExactDecimal() {
        String q = text();
        List<PriceOffer> scaled = List.of(new PriceOffer("feed", null, "x", new BigDecimal("12.50"), "USD", null));
        put(q, scaled, false);
        assertThat(get(q).orElseThrow().getFirst().price())
                .isEqualByComparingTo("12.50")
                .hasScaleOf(2);
    }

    @Test
    void givenCatalogChange_lookup_missesEveryEarlierAnswer() {
        String q = text();
        put(q, offers(), false);
        catalogChanged();
        assertThat(get(q)).isEmpty();
    }

    @Test
    void givenFillFromBeforeACatalogChange_lookup_neverServesIt() {
        String q = text();
        PriceCache.Lookup stale = cache().lookup(q);
        catalogChanged();
        stale.fill(offers(), false);
        assertThat(get(q)).isEmpty();
    }
}
