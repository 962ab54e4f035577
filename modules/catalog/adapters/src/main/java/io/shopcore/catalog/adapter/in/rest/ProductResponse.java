package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.ProductView;
import java.math.BigDecimal;
import java.time.Instant;

/** A product on the wire: {@code price} is an exact JSON number, {@code available} is fresh from stock. */
public record ProductResponse(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        CategoryResponse category,
        int available,
        Instant createdAt,
        Instant updatedAt) {

    static ProductResponse from(AvailableProduct p) {
        ProductView v = p.view();
        return new ProductResponse(
                v.id(),
                v.name(),
                v.description(),
                v.price(),
                v.currency(),
                new CategoryResponse(v.categoryId(), v.categoryName()),
                p.available(),
                v.createdAt(),
                v.updatedAt());
    }
}
