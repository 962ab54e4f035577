package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.CategoryId;
import java.util.Objects;

/**
 * What a listing asks for. Also the cache key of a page, so it must stay a value.
 *
 * @param categoryId only this category's products, or {@code null} for all
 */
public record ProductListQuery(CategoryId categoryId, ProductSort sort, int page, int size) {

    public static final int MAX_SIZE = 100;

    public ProductListQuery {
        Objects.requireNonNull(sort, "sort");
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** A compact, stable text form, used for cache keys. */
    public String key() {
        return "c" + (categoryId == null ? "all" : Long.toString(categoryId.value())) + ":s" + sort.token() + ":p"
                + page + ":z" + size;
    }
}
