package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.ProductId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ProductStock} as a map of availability per product, counting the lookups made. */
public final class InMemoryProductStock implements ProductStock {

    private final Map<Long, Integer> levels = new ConcurrentHashMap<>();
    private final Set<Long> retired = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Map<Long, Integer> availableFor(Collection<Long> productIds) {
        lookups.incrementAndGet();
        Map<Long, Integer> found = new HashMap<>();
        for (Long id : productIds) {
            Integer level = levels.get(id);
            if (level != null) {
                found.put(id, level);
            }
        }
        return found;
    }

    @Override
    public void register(ProductId id, int initialStock) {
        levels.put(id.value(), initialStock);
    }

    @Override
    public void retire(ProductId id) {
        retired.add(id.value());
    }

    /** Sets a product's availability, as a reservation elsewhere would change it. */
    public void setAvailable(long productId, int available) {
        levels.put(productId, available);
    }

    public Map<Long, Integer> levels() {
        return Map.copyOf(levels);
    }

    public Set<Long> retired() {
        return Set.copyOf(retired);
    }

    public int lookups() {
        return lookups.get();
    }

    public void resetLookups() {
        lookups.set(0);
    }
}
