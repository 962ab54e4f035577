package io.shopcore.search.adapter.in.rest;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Hit;
import java.math.BigDecimal;

/** A product item as in GET /products ({@code available} fresh from stock), plus its {@code score}. */
public record SearchItemResponse(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        Category category,
        int available,
        double score) {

    public record Category(long id, String name) {}

    static SearchItemResponse from(Hit h) {
        return new SearchItemResponse(
                h.productId(),
                h.name(),
                h.description(),
                h.price(),
                h.currency(),
                new Category(h.categoryId(), h.categoryName()),
                h.available(),
                h.score());
    }
}
