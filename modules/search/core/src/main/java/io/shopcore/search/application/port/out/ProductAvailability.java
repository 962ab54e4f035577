package io.shopcore.search.application.port.out;

import java.util.Collection;
import java.util.Map;

/** Fresh availability (units that can still be reserved) per product; never cached. */
public interface ProductAvailability {

    /** Products without a stock level are absent from the answer. */
    Map<Long, Integer> availableFor(Collection<Long> productIds);
}
