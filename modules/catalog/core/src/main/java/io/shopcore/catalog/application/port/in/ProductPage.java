package io.shopcore.catalog.application.port.in;

import java.util.List;

/** One page of product views (the cacheable part of a listing) and the total number of matches. */
public record ProductPage(List<ProductView> items, long total) {

    public ProductPage {
        items = List.copyOf(items);
    }
}
