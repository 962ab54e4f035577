package io.shopcore.search.application.port.out;

import java.math.BigDecimal;

/** A product the index found, with its relevance score (0 or more; only comparable within one search). */
public record ProductMatch(
        long productId,
        String name,
        String description,
        BigDecimal price,
        String currency,
        long categoryId,
        String categoryName,
        double score) {}
