package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.StockAudit;
import java.util.List;

/** Checks the stock invariants for one product or all, and lists what is broken. */
public interface AuditStockUseCase {

    /** {@code productId} null: all products. */
    Report audit(Long productId);

    record Report(int productsChecked, List<StockAudit.Violation> violations) {

        public Report {
            violations = List.copyOf(violations);
        }

        public boolean consistent() {
            return violations.isEmpty();
        }
    }
}
