package io.shopcore.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/** A group of products, e.g. "전자제품 Electronics". */
public record Category(CategoryId id, CategoryName name, Instant createdAt) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
