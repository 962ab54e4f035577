package io.shopcore.stock.application.port.out;

import io.shopcore.stock.domain.StockAudit;
import java.util.List;

/** Gathers, in one consistent snapshot, what the invariant check needs. */
public interface StockAuditRepository {

    /** {@code productId} null: every product with a stock level. */
    List<StockAudit.Figures> figures(Long productId);
}
