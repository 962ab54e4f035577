package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.domain.ProductId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ProductReadModel} that lets its first page or product load read the store, then holds it
 * until {@link #release} opens (as a slow query would be held): read-your-write tests update the product
 * while the old value is in flight. {@link #loaded} opens once that load has read.
 */
public final class HoldFirstLoad implements ProductReadModel {

    public final CountDownLatch loaded;
    public final CountDownLatch release;
    private final ProductReadModel delegate;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public HoldFirstLoad(ProductReadModel delegate) {
        this(delegate, new CountDownLatch(1), new CountDownLatch(1));
    }

    public HoldFirstLoad(ProductReadModel delegate, CountDownLatch loaded, CountDownLatch release) {
        this.delegate = delegate;
        this.loaded = loaded;
        this.release = release;
    }

    @Override
    public ProductPage findPage(ProductListQuery query) {
        return hold(delegate.findPage(query));
    }

    @Override
    public Optional<ProductView> findView(ProductId id) {
        return hold(delegate.findView(id));
    }

    @Override
    public List<ProductView> findActiveAfter(long afterId, int limit) {
        return delegate.findActiveAfter(afterId, limit);
    }

    private <T> T hold(T value) {
        if (first.compareAndSet(true, false)) {
            loaded.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return value;
    }
}
