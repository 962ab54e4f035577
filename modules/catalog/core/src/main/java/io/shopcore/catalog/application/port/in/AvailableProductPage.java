package io.shopcore.catalog.application.port.in;

import java.util.List;

/** A listing page as answered to clients: products with fresh availability. */
public record AvailableProductPage(List<AvailableProduct> items, int page, int size, long total) {}
