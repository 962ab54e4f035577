package io.shopcore.catalog.domain;

/** Identity of a category: a positive integer. */
public record CategoryId(long value) {

    public CategoryId {
        if (value <= 0) {
            throw new InvalidCatalogValue("categoryId", "must be a positive integer");
        }
    }

    public static CategoryId of(long value) {
        return new CategoryId(value);
    }
}
