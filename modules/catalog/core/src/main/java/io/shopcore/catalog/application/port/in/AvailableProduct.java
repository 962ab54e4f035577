package io.shopcore.catalog.application.port.in;

/** A product as listed: its cached view plus the stock module's current availability. */
public record AvailableProduct(ProductView product, int available) {}
