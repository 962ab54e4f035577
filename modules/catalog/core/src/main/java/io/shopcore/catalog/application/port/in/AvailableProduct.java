package io.shopcore.catalog.application.port.in;

/** A product as listed: its cached view plus the stock module's current availability. */
public record AvailableProduct(ProductView view, int available) {

    /** The product's id (shorthand for {@code view().id()}). */
    public long id() {
        return view.id();
    }
}
