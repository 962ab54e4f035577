package io.shopcore.stock.application.port.out;

import io.shopcore.stock.domain.StockLevel;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Stock levels as stored: one row per product, created when the catalog registers the product. */
public interface StockLevelRepository {

    /** Empty for unknown or retired products. A plain read, fresh, without locks. */
    Optional<StockLevel> find(long productId);

    /** Whether a stock level exists at all (retired or not). */
    boolean exists(long productId);

    /** Available units of the active products among {@code productIds}, in one query. */
    Map<Long, Integer> availableFor(Collection<Long> productIds);

    /** Creates the level; false if the product already had one (then nothing changed). */
    boolean create(StockLevel level);

    /** Marks the product retired (no new reservations); false if unknown. */
    boolean retire(long productId);

    /** Locks the active product's row for the rest of the transaction and returns it. */
    Optional<StockLevel> lock(long productId);

    /** Writes total and reserved of a level read under {@link #lock}. */
    void update(StockLevel level);

    /**
     * Changes total and reserved of one product by the given amounts in one statement (the row
     * is locked by the statement until the transaction ends).
     */
    void applyDelta(long productId, int totalDelta, int reservedDelta);

    /** Gives held units back: reserved falls by the amount per product; rows are locked in product order. */
    void releaseReserved(Map<Long, Integer> quantityByProduct);
}
