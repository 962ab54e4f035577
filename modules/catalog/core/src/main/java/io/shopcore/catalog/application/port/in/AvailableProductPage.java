package io.shopcore.catalog.application.port.in;

import java.util.List;

/**
 * A listing page as answered to clients: products with fresh availability.
 *
 * @param page the page number asked for, or {@code null} for a cursor page
 * @param next where the following page starts ({@code after=}), or {@code null} when this page is the last
 */
public record AvailableProductPage(
        List<AvailableProduct> items, Integer page, int size, long total, ProductCursor next) {}
