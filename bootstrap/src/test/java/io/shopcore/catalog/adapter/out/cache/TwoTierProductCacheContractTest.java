package io.shopcore.catalog.adapter.out.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.testing.ProductCacheContract;
import jakarta.inject.Inject;

/** {@link ProductCacheContract} against the two-tier adapter and the real Redis (database 1 in tests). */
@QuarkusTest
class TwoTierProductCacheContractTest extends ProductCacheContract {

    @Inject
    TwoTierProductCache cache;

    @Override
    protected ProductCache cache() {
        return cache;
    }

    @Override
    protected void asSeenByAnotherInstance() {
        cache.clearNearCache();
    }
}
