package io.shopcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.adapter.out.cache.TwoTierProductCache;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.ProductId;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The two-tier cache adapter (near cache + Redis) against the real Redis (database 1 in tests). */
@QuarkusTest
class TwoTierProductCacheTest {

    @Inject
    TwoTierProductCache cache;

    @Inject
    RedisDataSource redis;

    static ProductListQuery aQuery() {
        // A category id no real data uses, so the keys are this test's own.
        return new ProductListQuery(
                new CategoryId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L)),
                ProductSort.PRICE_DESC,
                3,
                17);
    }

    static ProductView aView(long id, String price) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new ProductView(id, "한글 이름 English name", "설명", new BigDecimal(price), "KRW", 7, "카테고리", now, now);
    }

    String version() {
        String v = redis.value(String.class).get("catalog:version");
        return v == null ? "0" : v;
    }

    @Test
    void givenAMiss_fill_storesInRedisAndTheNextLookupHits() {
        ProductListQuery q = aQuery();
        ProductCache.Lookup<ProductPage> first = cache.page(q);
        assertThat(first.cached()).isEmpty();
        ProductPage page = new ProductPage(List.of(aView(11, "39000"), aView(12, "0")), 40);
        first.fill(page);

        String key = "catalog:page:v" + version() + ":" + q.key();
        assertThat(redis.key().exists(key)).isTrue();
        assertThat(redis.key().ttl(key)).isPositive();

        cache.clearNearCache();
        assertThat(cache.page(q).cached()).contains(page);
        assertThat(cache.page(q).cached().orElseThrow().items().getFirst().price())
                .isEqualTo(new BigDecimal("39000"));
    }

    @Test
    void givenACachedPageAndProduct_productChanged_retiresBoth() {
        ProductListQuery q = aQuery();
        ProductId id = new ProductId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
        cache.page(q).fill(new ProductPage(List.of(aView(id.value(), "1")), 1));
        cache.product(id).fill(aView(id.value(), "1"));
        String before = version();

        cache.productChanged(id);

        assertThat(Long.parseLong(version())).isGreaterThan(Long.parseLong(before));
        assertThat(cache.page(q).cached()).isEmpty();
        assertThat(cache.product(id).cached()).isEmpty();
    }

    @Test
    void givenAWriteDuringALoad_fill_neverServesTheOldValueAfterTheWrite() {
        ProductListQuery q = aQuery();
        ProductCache.Lookup<ProductPage> miss = cache.page(q);
        cache.productChanged(new ProductId(1)); // a write commits while the page is being read from the database
        miss.fill(new ProductPage(List.of(aView(1, "100")), 1)); // ...and the load, older than the write, finishes

        assertThat(cache.page(q).cached()).isEmpty();
        cache.clearNearCache();
        assertThat(cache.page(q).cached()).isEmpty();
    }

    @Test
    void givenAnUnreadableEntry_lookup_isAMiss() {
        ProductId id = new ProductId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
        redis.value(String.class).setex("catalog:product:v" + version() + ":" + id.value(), 60, "{not json");
        cache.clearNearCache();
        assertThat(cache.product(id).cached()).isEmpty();
    }
}
