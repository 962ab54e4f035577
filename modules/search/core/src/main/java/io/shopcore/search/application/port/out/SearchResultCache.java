package io.shopcore.search.application.port.out;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import java.util.Optional;

/**
 * Short-lived cache of match pages. Best effort: when the cache's store is down, every lookup is a
 * miss and nothing fails. A page filled after {@link #invalidate} began can never be served once
 * the invalidation is done.
 */
public interface SearchResultCache {

    Lookup lookup(Query query);

    /**
     * Forgets every cached page, once the caller's transaction (if any) has committed: a product
     * changed. Constant cost, whatever the number of cached pages.
     */
    void invalidate();

    /** The answer of one lookup: the cached page, or a way to fill it after loading. */
    interface Lookup {
        Optional<MatchPage> cached();

        void fill(MatchPage loaded);
    }
}
