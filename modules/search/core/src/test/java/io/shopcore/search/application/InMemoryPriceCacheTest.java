package io.shopcore.search.application;

import io.shopcore.search.application.port.out.PriceCache;

class InMemoryPriceCacheTest extends PriceCacheContract {

    private final InMemoryPriceCache cache = new InMemoryPriceCache();

    @Override
    protected PriceCache cache() {
        return cache;
    }

    @Override
    protected void catalogChanged() {
        cache.invalidate();
    }
}
