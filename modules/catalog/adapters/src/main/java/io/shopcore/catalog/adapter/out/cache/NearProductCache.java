package io.shopcore.catalog.adapter.out.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.ProductId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The near tier of {@link TwoTierProductCache}: pages and products in this process (Caffeine) for about
 * a second ({@code shopcore.catalog.cache.near.*}). A local generation, bumped by every local write,
 * keeps a fill that started before the write from landing after it.
 */
final class NearProductCache {

    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    final Region<ProductListQuery, ProductPage> pages;
    final Region<ProductId, ProductView> products;

    NearProductCache(CatalogConfig.Near config) {
        this.enabled = config.enabled();
        long size = Math.max(1, config.maxEntries());
        this.pages = new Region<>(Caffeine.newBuilder()
                .expireAfterWrite(config.ttl())
                .maximumSize(size)
                .build());
        this.products = new Region<>(Caffeine.newBuilder()
                .expireAfterWrite(config.ttl())
                .maximumSize(size)
                .build());
    }

    /** The generation a lookup sees now; pass it back to {@link Region#fill}. */
    long generation() {
        return generation.get();
    }

    /** A product changed: forget it and every page. */
    void forget(ProductId id) {
        generation.incrementAndGet();
        pages.entries.invalidateAll();
        products.entries.invalidate(id);
    }

    void clear() {
        generation.incrementAndGet();
        pages.entries.invalidateAll();
        products.entries.invalidateAll();
    }

    /** One cached type: pages by query, or products by id. */
    final class Region<K, V> {

        private final Cache<K, V> entries;

        private Region(Cache<K, V> entries) {
            this.entries = entries;
        }

        Optional<V> get(K key) {
            return Optional.ofNullable(entries.getIfPresent(key));
        }

        /** Stores {@code value} unless a write happened since {@code seenGeneration}. */
        void fill(K key, V value, long seenGeneration) {
            if (enabled && generation.get() == seenGeneration) {
                entries.put(key, value);
            }
        }
    }
}
