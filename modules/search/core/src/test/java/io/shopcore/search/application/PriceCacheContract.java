package io.shopcore.search.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PriceCache} must do; the fake here, Redis in bootstrap. */
public abstract class PriceCacheContract {

    protected abstract PriceCache cache();

    private static String text() {
        return "q " + UUID.randomUUID();
    }

    static List<PriceOffer> offers() {
        return List.of(
                new PriceOffer("shopcore", "42", "아이패드 프로 11", new BigDecimal("1200000"), "KRW", "/api/v1/products/42"),
                new PriceOffer("naver", null, "iPad <Pro> & \"11\"", new BigDecimal("1190000.50"), "KRW", null),
                new PriceOffer("feed", "SKU-1", "iPad", new BigDecimal("999.99"), "USD", "https://example.test/a?b=1&c=2"));
    }

    @Test
    void givenStoredOffers_get_answersThemExactly() {
        String q = text();
        assertThat(cache().get(q)).isEmpty();
        cache().put(q, offers(), false);
        assertThat(cache().get(q)).contains(offers());
        assertThat(cache().get(q + "x")).isEmpty();
    }

    @Test
    void givenPartialOffers_get_answersThemToo() {
        String q = text();
        cache().put(q, offers().subList(0, 1), true);
        assertThat(cache().get(q)).contains(offers().subList(0, 1));
    }

    @Test
    void givenNoOffers_put_storesNothing() {
        String q = text();
        cache().put(q, List.of(), false);
        assertThat(cache().get(q)).isEmpty();
    }

    @Test
    void givenPriceScale_get_keepsTheExactDecimal() {
        String q = text();
        List<PriceOffer> scaled = List.of(new PriceOffer("feed", null, "x", new BigDecimal("12.50"), "USD", null));
        cache().put(q, scaled, false);
        assertThat(cache().get(q).orElseThrow().getFirst().price()).isEqualByComparingTo("12.50").hasScaleOf(2);
    }
}
