package io.shopcore.catalog.domain;

/** Identity of a product: a positive integer, allocated by the catalog before the product is stored. */
public record ProductId(long value) {

    public ProductId {
        if (value <= 0) {
            throw new InvalidCatalogValue("id", "must be a positive integer");
        }
    }

    public static ProductId of(long value) {
        return new ProductId(value);
    }
}
