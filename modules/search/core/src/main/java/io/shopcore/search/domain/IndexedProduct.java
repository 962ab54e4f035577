package io.shopcore.search.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A product as the search module keeps it: the catalog's fields, copied through the catalog's api ({@code description} may be null). */
public record IndexedProduct(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        long categoryId,
        String categoryName) {

    public IndexedProduct {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        categoryName = categoryName == null ? "" : categoryName;
    }
}
