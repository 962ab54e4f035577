package io.shopcore.catalog.application;

import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.Product;

/** Builds the read view of a product just written, so writes answer without reading back. */
public final class ProductViews {

    private ProductViews() {}

    /** The read model of a product: what the read port answers and the in-memory fake builds the same way. */
    public static ProductView of(Product p, Category category) {
        return new ProductView(
                p.id().value(),
                p.name().value(),
                p.description(),
                p.price().amount(),
                p.price().currency(),
                category.id().value(),
                category.name().value(),
                p.createdAt(),
                p.updatedAt());
    }
}
