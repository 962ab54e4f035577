package io.shopcore.catalog.api;

import java.math.BigDecimal;

/** A product as other modules see it (no availability: ask the stock module for that). */
public record CatalogProduct(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        long categoryId,
        String categoryName) {}
