package io.shopcore.catalog.adapter.out.stock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.stock.api.StockAvailabilityApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.Map;

/**
 * The catalog's stock port, served by the stock module's published api (the only stock type used here).
 * Availability lookups can be coalesced across concurrent requests ({@code shopcore.catalog.availability.coalesce.*}).
 */
@ApplicationScoped
public class StockApiProductStock implements ProductStock {

    private final StockAvailabilityApi stock;
    private final Counter lookups;
    private final Counter queries;
    private final CoalescingAvailability coalescing;
    private final TransactionSynchronizationRegistry transactions;

    public StockApiProductStock(
            StockAvailabilityApi stock,
            CatalogConfig config,
            MeterRegistry registry,
            TransactionSynchronizationRegistry transactions) {
        this.stock = stock;
        this.transactions = transactions;
        this.lookups = Counter.builder("shopcore.catalog.stock.lookups")
                .description("Batched availability lookups made by the catalog (one per page or product read)")
                .register(registry);
        this.queries = Counter.builder("shopcore.catalog.stock.queries")
                .description("Availability calls to the stock module (fewer than lookups when coalescing)")
                .register(registry);
        CatalogConfig.Coalesce coalesce = config.availability().coalesce();
        this.coalescing = coalesce.enabled() ? new CoalescingAvailability(this::query, coalesce.maxConcurrent()) : null;
    }

    @Override
    public Map<Long, Integer> availableFor(Collection<Long> productIds) {
        lookups.increment();
        // Inside a transaction the caller must see its own view (and must not lend its connection to
        // other requests' queries), so only plain reads are coalesced.
        if (coalescing == null || transactions.getTransactionKey() != null) {
            return query(productIds);
        }
        return coalescing.availableFor(productIds);
    }

    private Map<Long, Integer> query(Collection<Long> productIds) {
        queries.increment();
        return stock.availableFor(productIds);
    }

    @Override
    public void register(ProductId id, int initialStock) {
        stock.registerProduct(id.value(), initialStock);
    }

    @Override
    public void retire(ProductId id) {
        stock.retireProduct(id.value());
    }

    /** Lookups made so far (the N+1 guard in the tests reads this). */
    public double lookupCount() {
        return lookups.count();
    }
}
