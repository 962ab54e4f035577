package io.shopcore.catalog.testing;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link ProductEventPublisher} that keeps what was published, in order. */
public final class RecordingProductEventPublisher implements ProductEventPublisher {

    private final List<CatalogProductChanged> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(CatalogProductChanged event) {
        events.add(event);
    }

    public List<CatalogProductChanged> events() {
        return List.copyOf(events);
    }
}
