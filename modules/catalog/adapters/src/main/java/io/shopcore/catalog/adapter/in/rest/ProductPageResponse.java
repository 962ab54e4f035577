package io.shopcore.catalog.adapter.in.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A product listing on the wire: the shape of every paginated answer ({@code items, page, size, total})
 * plus {@code next}, the cursor of the following page for {@code after=} (null on the last page).
 * {@code page} is null for a page asked for by cursor.
 */
@RegisterForReflection
public record ProductPageResponse(List<ProductResponse> items, Integer page, int size, long total, String next) {}
