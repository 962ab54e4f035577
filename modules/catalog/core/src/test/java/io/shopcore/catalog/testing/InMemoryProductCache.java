package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ProductCache} as a map with generations, like the two-tier adapter: any change forgets
 * everything, and a miss fills only when no change happened since it was seen.
 */
public final class InMemoryProductCache implements ProductCache {

    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<ProductId> changed = new ArrayList<>();

    @Override
    public Lookup<ProductPage> page(ProductListQuery query) {
        return lookup("page:" + query.key(), ProductPage.class);
    }

    @Override
    public Lookup<ProductView> product(ProductId id) {
        return lookup("product:" + id.value(), ProductView.class);
    }

    @Override
    public synchronized void productChanged(ProductId id) {
        changed.add(id);
        generation.incrementAndGet();
        entries.clear();
    }

    /** The ids passed to {@link #productChanged}, in order. */
    public synchronized List<ProductId> changed() {
        return List.copyOf(changed);
    }

    public int size() {
        return entries.size();
    }

    private <T> Lookup<T> lookup(String key, Class<T> type) {
        Object value = entries.get(key);
        if (value != null) {
            return Lookup.hit(type.cast(value));
        }
        long seen = generation.get();
        return new Lookup<>() {
            @Override
            public Optional<T> cached() {
                return Optional.empty();
            }

            @Override
            public String generation() {
                return Long.toString(seen);
            }

            @Override
            public void fill(T loaded) {
                synchronized (InMemoryProductCache.this) {
                    if (generation.get() == seen) {
                        entries.put(key, loaded);
                    }
                }
            }
        };
    }
}
