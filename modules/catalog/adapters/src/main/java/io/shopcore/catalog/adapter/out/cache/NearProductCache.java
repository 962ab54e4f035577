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
 * keeps a fill that started before the write from being served after it: every entry carries the
 * generation its lookup saw, and only entries of the current generation are served. Checking the
 * generation when storing would not be enough: a write could land between the check and the store.
 */
final class NearProductCache {

    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    final Region<ProductListQuery, ProductPage> pages;
    final Region<ProductId, ProductView> products;

    /** A value and the generation its lookup saw (before it was loaded). */
    private record Stamped<V>(long generation, V value) {}

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

        private final Cache<K, Stamped<V>> entries;

        private Region(Cache<K, Stamped<V>> entries) {
            this.entries = entries;
        }

        /** The entry, if one was loaded in the current generation (after the last local write). */
        Optional<V> get(K key) {
            Stamped<V> stamped = entries.getIfPresent(key);
            if (stamped == null) {
                return Optional.empty();
            }
            if (stamped.generation() != generation.get()) {
                entries.asMap().remove(key, stamped); // loaded before a write: never served, gone at once
                return Optional.empty();
            }
            return Optional.of(stamped.value());
        }

        /**
         * Stores {@code value}, loaded after a lookup that saw {@code seenGeneration}. If a write happened
         * since, the entry is dead on arrival (never served); it never replaces an entry of a newer generation.
         */
        void fill(K key, V value, long seenGeneration) {
            if (!enabled || generation.get() != seenGeneration) {
                return;
            }
            entries.asMap()
                    .merge(
                            key,
                            new Stamped<>(seenGeneration, value),
                            (old, fresh) -> old.generation() > fresh.generation() ? old : fresh);
        }
    }
}
