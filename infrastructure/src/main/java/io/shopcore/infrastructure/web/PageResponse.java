package io.shopcore.infrastructure.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The one shape of every paginated answer: {@code {items, page, size, total}}. */
@RegisterForReflection
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
