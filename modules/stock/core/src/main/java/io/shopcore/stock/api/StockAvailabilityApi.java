package io.shopcore.stock.api;

import java.util.Collection;
import java.util.Map;

/**
 * What other modules may ask of the stock module. The catalog uses it to show live availability
 * and to keep stock levels in step with its products, inside the catalog's own transaction.
 */
public interface StockAvailabilityApi {

    /**
     * Current availability (total - reserved) of each known product, read fresh, in one query.
     * Products without a stock level are absent from the map.
     */
    Map<Long, Integer> availableFor(Collection<Long> productIds);

    /**
     * Creates the stock level of a new product with {@code initialStock} units (0 or more),
     * in the caller's transaction, with an ADJUST ledger entry when the quantity is positive.
     */
    void registerProduct(long productId, int initialStock);

    /** The product was deleted: further reservations for it answer 404. Held ones run out as usual. */
    void retireProduct(long productId);
}
