package io.shopcore.catalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductCache} does; run against {@link InMemoryProductCache} and the two-tier
 * (near + Redis) adapter. Keys are random, so the contract runs against a shared Redis.
 */
public abstract class ProductCacheContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    protected abstract ProductCache cache();

    /** Drops what only this process holds, so the next lookup is answered as another instance would be. */
    protected void asSeenByAnotherInstance() {}

    private static long randomId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
    }

    private static ProductListQuery aQuery() {
        return new ProductListQuery(new CategoryId(randomId()), ProductSort.PRICE_DESC, 3, 17);
    }

    private static ProductView aView(long id, String price) {
        return new ProductView(id, "한글 이름 English name", "설명", new BigDecimal(price), "KRW", 7, "카테고리", T0, T0);
    }

    @Test
    void givenAMiss_fill_makesTheNextLookupsHitWithTheSameValue() {
        ProductListQuery query = aQuery();
        ProductId id = new ProductId(randomId());
        ProductPage page = new ProductPage(List.of(aView(11, "39000"), aView(12, "0")), 40);
        ProductView view = aView(id.value(), "19900");

        ProductCache.Lookup<ProductPage> pageMiss = cache().page(query);
        ProductCache.Lookup<ProductView> productMiss = cache().product(id);
        assertThat(pageMiss.cached()).isEmpty();
        assertThat(productMiss.cached()).isEmpty();
        pageMiss.fill(page);
        productMiss.fill(view);

        assertThat(cache().page(query).cached()).contains(page);
        assertThat(cache().product(id).cached()).contains(view);
        asSeenByAnotherInstance();
        assertThat(cache().page(query).cached()).contains(page);
        assertThat(cache().product(id).cached()).contains(view);
    }

    @Test
    void givenCachedPagesAndProducts_productChanged_forgetsTheProductAndEveryPage() {
        ProductListQuery query = aQuery();
        ProductId changed = new ProductId(randomId());
        cache().page(query).fill(new ProductPage(List.of(aView(1, "1")), 1));
        cache().product(changed).fill(aView(changed.value(), "1"));

        cache().productChanged(changed);

        assertThat(cache().page(query).cached()).isEmpty();
        assertThat(cache().product(changed).cached()).isEmpty();
        asSeenByAnotherInstance();
        assertThat(cache().page(query).cached()).isEmpty();
        assertThat(cache().product(changed).cached()).isEmpty();
    }

    @Test
    void givenAWriteDuringALoad_fill_neverServesTheOlderValue() {
        ProductListQuery query = aQuery();
        ProductId id = new ProductId(randomId());
        ProductCache.Lookup<ProductPage> pageMiss = cache().page(query);
        ProductCache.Lookup<ProductView> productMiss = cache().product(id);

        cache().productChanged(new ProductId(randomId())); // a write commits while the loads read the database
        pageMiss.fill(new ProductPage(List.of(aView(1, "100")), 1));
        productMiss.fill(aView(id.value(), "100"));

        assertThat(cache().page(query).cached()).isEmpty();
        assertThat(cache().product(id).cached()).isEmpty();
        asSeenByAnotherInstance();
        assertThat(cache().page(query).cached()).isEmpty();
    }

    @Test
    void givenAHit_fill_changesNothing() {
        ProductId id = new ProductId(randomId());
        ProductView first = aView(id.value(), "1");
        cache().product(id).fill(first);

        ProductCache.Lookup<ProductView> hit = cache().product(id);
        hit.fill(aView(id.value(), "2"));

        assertThat(cache().product(id).cached()).contains(first);
    }
}
