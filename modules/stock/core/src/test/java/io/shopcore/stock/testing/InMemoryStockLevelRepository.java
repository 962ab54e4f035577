package io.shopcore.stock.testing;

import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.StockLevel;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stock levels in a map; retired products keep their level but are invisible to reads and locks. */
public class InMemoryStockLevelRepository implements StockLevelRepository {

    private final Map<Long, StockLevel> levels = new HashMap<>();
    private final Set<Long> retired = new HashSet<>();

    /** Test set-up: a product with {@code total} units, none reserved. */
    public synchronized StockLevel given(long productId, int total) {
        StockLevel level = StockLevel.initial(productId, total);
        levels.put(productId, level);
        retired.remove(productId);
        return level;
    }

    /** The level as stored, retired or not (for assertions). */
    public synchronized StockLevel stored(long productId) {
        return levels.get(productId);
    }

    @Override
    public synchronized Optional<StockLevel> find(long productId) {
        return retired.contains(productId) ? Optional.empty() : Optional.ofNullable(levels.get(productId));
    }

    @Override
    public synchronized boolean exists(long productId) {
        return levels.containsKey(productId);
    }

    @Override
    public synchronized Map<Long, Integer> availableFor(Collection<Long> productIds) {
        Map<Long, Integer> out = new HashMap<>();
        for (Long id : productIds) {
            find(id).ifPresent(l -> out.put(id, l.available()));
        }
        return out;
    }

    @Override
    public synchronized boolean create(StockLevel level) {
        return levels.putIfAbsent(level.productId(), level) == null;
    }

    @Override
    public synchronized boolean retire(long productId) {
        if (!levels.containsKey(productId)) {
            return false;
        }
        retired.add(productId);
        return true;
    }

    @Override
    public synchronized Optional<StockLevel> lock(long productId) {
        return find(productId);
    }

    @Override
    public synchronized void update(StockLevel level) {
        if (!levels.containsKey(level.productId())) {
            throw new IllegalStateException("stock level " + level.productId() + " vanished");
        }
        levels.put(level.productId(), level);
    }

    @Override
    public synchronized void applyDelta(long productId, int totalDelta, int reservedDelta) {
        StockLevel l = levels.get(productId);
        if (l == null) {
            throw new IllegalStateException("stock level " + productId + " vanished");
        }
        // The constructor enforces 0 <= reserved <= total, as the table's CHECK constraint does.
        levels.put(productId, new StockLevel(productId, l.total() + totalDelta, l.reserved() + reservedDelta));
    }

    @Override
    public synchronized void releaseReserved(Map<Long, Integer> quantityByProduct) {
        quantityByProduct.forEach((id, q) -> {
            StockLevel l = levels.get(id);
            if (l != null) {
                levels.put(id, new StockLevel(id, l.total(), l.reserved() - q));
            }
        });
    }
}
