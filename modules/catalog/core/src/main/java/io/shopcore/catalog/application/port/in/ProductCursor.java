package io.shopcore.catalog.application.port.in;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position in a listing for keyset pagination: the sort key of the last product a client saw. The
 * next page starts right after it, whatever its depth, with one index range scan (no {@code OFFSET}).
 *
 * @param price the last product's price (sorts {@code price} and {@code -price}), otherwise {@code null}
 * @param name the last product's name (sort {@code name}), otherwise {@code null}
 */
public record ProductCursor(ProductSort sort, long id, BigDecimal price, String name) {

    public ProductCursor {
        Objects.requireNonNull(sort, "sort");
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive");
        }
        boolean byPrice = sort == ProductSort.PRICE || sort == ProductSort.PRICE_DESC;
        if (byPrice != (price != null)) {
            throw new IllegalArgumentException("a price cursor needs a price, and only a price cursor has one");
        }
        if ((sort == ProductSort.NAME) != (name != null)) {
            throw new IllegalArgumentException("a name cursor needs a name, and only a name cursor has one");
        }
    }

    /** The position right after {@code last} in a listing ordered by {@code sort}. */
    public static ProductCursor after(ProductView last, ProductSort sort) {
        return new ProductCursor(
                sort,
                last.id(),
                sort == ProductSort.PRICE || sort == ProductSort.PRICE_DESC ? last.price() : null,
                sort == ProductSort.NAME ? last.name() : null);
    }
}
