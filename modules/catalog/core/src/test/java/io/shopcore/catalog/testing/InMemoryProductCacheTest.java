package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.ProductCache;

class InMemoryProductCacheTest extends ProductCacheContract {

    private final InMemoryProductCache cache = new InMemoryProductCache();

    @Override
    protected ProductCache cache() {
        return cache;
    }
}
