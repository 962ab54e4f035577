package io.shopcore.search.application;

import io.shopcore.search.application.port.out.SearchResultCache;

class InMemorySearchResultCacheTest extends SearchResultCacheContract {

    private final InMemorySearchResultCache cache = new InMemorySearchResultCache();

    @Override
    protected SearchResultCache cache() {
        return cache;
    }
}
