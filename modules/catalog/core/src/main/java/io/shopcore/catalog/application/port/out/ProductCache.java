package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.ProductId;
import java.util.Optional;

/**
 * Cache of the product part of listings and details (never availability). An implementation may
 * fail silently: a broken cache is a miss, never an error.
 */
public interface ProductCache {

    Lookup<ProductPage> page(ProductListQuery query);

    Lookup<ProductView> product(ProductId id);

    /**
     * A product changed (created, updated or deleted): forget it and every listing. Called inside the
     * writing transaction; implementations also forget again after the commit, so a read that raced
     * the write cannot leave the old value behind.
     */
    void productChanged(ProductId id);

    /**
     * The outcome of a lookup. On a miss, {@link #fill} stores the value loaded afterwards, under the
     * generation the miss saw, so a value loaded before a concurrent write is never served after it.
     */
    interface Lookup<T> {

        Optional<T> cached();

        void fill(T loaded);

        /**
         * The cache generation this lookup saw (any write since changes it). Loads are shared only between
         * lookups of the same generation, so a load that started before a write is never handed to a reader
         * that arrived after the write's invalidation (read-your-write).
         */
        default String generation() {
            return "";
        }

        static <T> Lookup<T> miss() {
            return new Lookup<>() {
                @Override
                public Optional<T> cached() {
                    return Optional.empty();
                }

                @Override
                public void fill(T loaded) {}
            };
        }

        static <T> Lookup<T> hit(T value) {
            return new Lookup<>() {
                @Override
                public Optional<T> cached() {
                    return Optional.of(value);
                }

                @Override
                public void fill(T loaded) {}
            };
        }
    }
}
