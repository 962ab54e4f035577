package io.shopcore.search.adapter.out.stock;

import io.shopcore.search.application.port.out.ProductAvailability;
import io.shopcore.stock.api.StockAvailabilityApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/** Fresh availability from the stock module's published api: one query per result page. */
@ApplicationScoped
public class StockApiProductAvailability implements ProductAvailability {

    private final StockAvailabilityApi stock;

    public StockApiProductAvailability(StockAvailabilityApi stock) {
        this.stock = stock;
    }

    @Override
    public Map<Long, Integer> availableFor(Collection<Long> productIds) {
        return stock.availableFor(productIds);
    }
}
