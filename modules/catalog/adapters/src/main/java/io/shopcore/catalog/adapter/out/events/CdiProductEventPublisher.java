package io.shopcore.catalog.adapter.out.events;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/** Fires {@link CatalogProductChanged} as a synchronous CDI event, so observers join the writing transaction. */
@ApplicationScoped
public class CdiProductEventPublisher implements ProductEventPublisher {

    private final Event<CatalogProductChanged> events;

    public CdiProductEventPublisher(Event<CatalogProductChanged> events) {
        this.events = events;
    }

    @Override
    public void publish(CatalogProductChanged event) {
        events.fire(event);
    }
}
