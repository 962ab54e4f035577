package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.domain.Category;

public record CategoryResponse(long id, String name) {

    static CategoryResponse from(Category c) {
        return new CategoryResponse(c.id().value(), c.name().value());
    }
}
