package io.shopcore.search.price;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.search.application.PriceCacheContract;
import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price cache contract against Redis, plus retirement by product search's generation. */
@QuarkusTest
class RedisPriceCacheTest extends PriceCacheContract {

    @Inject
    PriceCache cache;

    @Inject
    RedisDataSource redis;

    @Override
    protected PriceCache cache() {
        return cache;
    }

    @Test
    void givenCatalogGenerationBumped_get_missesEveryOlderAnswer() {
        String q = "generation " + System.nanoTime();
        List<PriceOffer> offers = List.of(new PriceOffer("shopcore", "1", "x", new BigDecimal("10"), "KRW", null));
        cache.put(q, offers, false);
        assertThat(cache.get(q)).contains(offers);
        redis.value(String.class, String.class).incr("search:generation");
        assertThat(cache.get(q)).isEmpty();
    }

    @Test
    void givenForeignValueUnderTheKey_get_missesInsteadOfFailing() {
        String q = "foreign " + System.nanoTime();
        cache.put(q, List.of(new PriceOffer("shopcore", "1", "x", new BigDecimal("10"), "KRW", null)), false);
        var values = redis.value(String.class, String.class);
        for (String key : redis.key(String.class).keys("search:price:p1:g*")) {
            if (key.endsWith(io.shopcore.search.price.RedisPriceCacheTest.sha256(q))) {
                values.set(key, "not json");
            }
        }
        assertThat(cache.get(q)).isEmpty();
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
