package io.shopcore.catalog.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The product part of what clients see: everything but availability, which is never cached and is
 * merged in fresh per request ({@link AvailableProduct}).
 */
public record ProductView(
        long id,
        String name,
        String description,
        BigDecimal price,
        String currency,
        long categoryId,
        String categoryName,
        Instant createdAt,
        Instant updatedAt) {}
