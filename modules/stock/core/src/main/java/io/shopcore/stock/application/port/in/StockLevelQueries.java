package io.shopcore.stock.application.port.in;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.StockLevel;
import java.util.Optional;

/** Reads of stock levels (always fresh) and of their ledger. */
public interface StockLevelQueries {

    /** Empty for unknown or retired products. */
    Optional<StockLevel> stockLevel(long productId);

    /** Newest first; empty when the product has no stock level. */
    Optional<Page<LedgerEntry>> ledger(long productId, int page, int size);
}
