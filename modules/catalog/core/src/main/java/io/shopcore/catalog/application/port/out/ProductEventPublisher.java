package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.api.CatalogProductChanged;

/** Tells other modules about product changes, synchronously, inside the writing transaction. */
public interface ProductEventPublisher {

    void publish(CatalogProductChanged event);
}
