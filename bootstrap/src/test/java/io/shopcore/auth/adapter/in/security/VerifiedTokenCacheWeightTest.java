package io.shopcore.auth.adapter.in.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache is bounded by estimated memory: huge tokens cannot make it grow past its budget. */
class VerifiedTokenCacheWeightTest {

    private static JsonWebToken token(String raw) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "t";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("raw_token");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "raw_token".equals(claimName) ? (T) raw : null;
            }
        };
    }

    @Test
    void givenManyLargeTokens_cache_staysWithinItsMemoryBudget() {
        long budget = 1024 * 1024;
        Cache<String, JsonWebToken> cache = CachingJwtParser.newCache(budget, Duration.ofMinutes(5));
        String big = "x".repeat(16 * 1024);
        for (int i = 0; i < 1_000; i++) {
            cache.put("k" + i, token(big + i));
        }
        cache.cleanUp();
        long weight = cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
        assertThat(weight).isLessThanOrEqualTo(budget);
        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(budget / CachingJwtParser.weigh(big));
    }

    @Test
    void givenOurUsualTokens_defaultBudget_holdsAboutTenThousand() {
        int perToken = CachingJwtParser.weigh("x".repeat(700));
        assertThat(32L * 1024 * 1024 / perToken).isBetween(8_000L, 12_000L);
        assertThat(CachingJwtParser.weigh("x".repeat(7_000))).isGreaterThan(10 * perToken / 2);
    }
}
