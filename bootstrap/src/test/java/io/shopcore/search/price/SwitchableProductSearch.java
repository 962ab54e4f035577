package io.shopcore.search.price;

import io.shopcore.infrastructure.store.StoreUnavailableException;
import io.shopcore.search.application.SearchProductsService;
import io.shopcore.search.application.port.in.SearchProductsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The real product search, or a database outage on demand: what the price search's fast path sees when
 * PostgreSQL is unreachable (the adapter's {@link StoreUnavailableException}). Enabled only by
 * {@link PriceSourcesProfile} (an alternative without priority is off elsewhere).
 */
@Alternative
@ApplicationScoped
public class SwitchableProductSearch implements SearchProductsUseCase {

    static volatile boolean databaseDown;

    private final SearchProductsService real;

    public SwitchableProductSearch(SearchProductsService real) {
        this.real = real;
    }

    @Override
    public Result search(Query query) {
        if (databaseDown) {
            throw new StoreUnavailableException(
                    "search", "connection refused (test)", new java.sql.SQLException("down", "08001"));
        }
        return real.search(query);
    }
}
