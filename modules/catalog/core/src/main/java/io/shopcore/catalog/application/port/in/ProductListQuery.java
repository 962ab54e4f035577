package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.CategoryId;
import java.util.Objects;

/**
 * What a listing asks for: a page number ({@code OFFSET}) or, with {@code after}, the page right after a
 * cursor (keyset). A value, used as the cache and single-flight key of a page.
 *
 * @param categoryId only this category's products, or {@code null} for all
 * @param after keyset position (then {@code page} is 0), or {@code null} for a numbered page
 */
public record ProductListQuery(CategoryId categoryId, ProductSort sort, int page, int size, ProductCursor after) {

    public static final int MAX_SIZE = 100;

    public ProductListQuery {
        Objects.requireNonNull(sort, "sort");
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        }
        if (after != null && (page != 0 || after.sort() != sort)) {
            throw new IllegalArgumentException("a cursor page has page 0 and the cursor's own sort");
        }
    }

    /** A numbered page. */
    public ProductListQuery(CategoryId categoryId, ProductSort sort, int page, int size) {
        this(categoryId, sort, page, size, null);
    }

    public long offset() {
        return (long) page * size;
    }

    public boolean byCursor() {
        return after != null;
    }

    /** A compact, stable text form of a numbered page, used for cache keys (cursor pages are not cached). */
    public String key() {
        if (after != null) {
            throw new IllegalStateException("cursor pages have no cache key");
        }
        return "c" + (categoryId == null ? "all" : Long.toString(categoryId.value())) + ":s" + sort.token() + ":p"
                + page + ":z" + size;
    }
}
