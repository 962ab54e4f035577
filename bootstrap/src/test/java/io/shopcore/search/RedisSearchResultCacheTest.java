package io.shopcore.search;

import static io.shopcore.search.application.SearchFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.search.application.SearchResultCacheContract;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.SearchResultCache;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The cache contract against Redis, plus the transactional timing of invalidation. */
@QuarkusTest
class RedisSearchResultCacheTest extends SearchResultCacheContract {

    @Inject
    SearchResultCache cache;

    @Override
    protected SearchResultCache cache() {
        return cache;
    }

    @Test
    void givenInvalidateInTransaction_lookup_missesOnlyAfterCommit() {
        String q = "tx-" + System.nanoTime();
        cache.lookup(query(q)).fill(MatchPage.empty());
        QuarkusTransaction.requiringNew().run(() -> {
            cache.invalidate();
            cache.invalidate();
            assertThat(cache.lookup(query(q)).cached()).as("before the commit").contains(MatchPage.empty());
        });
        assertThat(cache.lookup(query(q)).cached()).isEmpty();
    }

    @Test
    void givenInvalidateInRolledBackTransaction_lookup_stillHits() {
        String q = "rb-" + System.nanoTime();
        cache.lookup(query(q)).fill(MatchPage.empty());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    cache.invalidate();
                    QuarkusTransaction.setRollbackOnly();
                }))
                .isInstanceOf(QuarkusTransactionException.class);
        assertThat(cache.lookup(query(q)).cached()).contains(MatchPage.empty());
    }
}
