package io.shopcore.search.price;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.search.application.PriceCacheContract;
import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The price cache contract against Redis (a catalog change is product search's generation bump). */
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

    @Override
    protected void catalogChanged() {
        redis.value(String.class, String.class).incr("search:generation");
    }

    @Test
    void givenForeignValueUnderTheKey_lookup_missesInsteadOfFailing() {
        String q = "foreign " + System.nanoTime();
        cache.lookup(q).fill(List.of(new PriceOffer("shopcore", "1", "x", new BigDecimal("10"), "KRW", null)), false);
        var values = redis.value(String.class, String.class);
        for (String key : redis.key(String.class).keys("search:price:p1:g*" + sha256(q))) {
            values.set(key, "not json");
        }
        assertThat(cache.lookup(q).cached()).isEmpty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
