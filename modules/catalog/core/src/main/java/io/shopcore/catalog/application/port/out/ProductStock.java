package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.domain.ProductId;
import java.util.Collection;
import java.util.Map;

/** What the catalog needs from stock keeping. Implemented by an adapter over the stock module's api. */
public interface ProductStock {

    /**
     * Current availability of these products, read fresh, in ONE call whatever their number.
     * Products without a stock level are absent from the map.
     */
    Map<Long, Integer> availableFor(Collection<Long> productIds);

    /** Creates the new product's stock level in the caller's transaction. */
    void register(ProductId id, int initialStock);

    /** The product was deleted; in the caller's transaction. */
    void retire(ProductId id);
}
