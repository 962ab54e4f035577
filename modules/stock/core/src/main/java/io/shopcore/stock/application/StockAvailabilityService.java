package io.shopcore.stock.application;

import io.shopcore.stock.api.StockAvailabilityApi;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The stock module's published facade for other modules. Writes join the caller's transaction. */
@ApplicationScoped
public class StockAvailabilityService implements StockAvailabilityApi {

    static final String INITIAL_STOCK_REASON = "initial stock";

    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final Clock clock;

    public StockAvailabilityService(StockLevelRepository stock, LedgerRepository ledger, Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Map<Long, Integer> availableFor(Collection<Long> productIds) {
        if (productIds == null || productIds.isEmpty()) {
            return Map.of();
        }
        return stock.availableFor(productIds);
    }

    @Override
    @Transactional
    public void registerProduct(long productId, int initialStock) {
        StockLevel level = StockLevel.initial(productId, initialStock);
        if (stock.create(level) && initialStock > 0) {
            ledger.append(
                    List.of(LedgerEntry.adjustment(productId, initialStock, INITIAL_STOCK_REASON, clock.instant())));
        }
    }

    @Override
    @Transactional
    public void retireProduct(long productId) {
        stock.retire(productId);
    }
}
