package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.AuditStockUseCase;
import io.shopcore.stock.application.port.out.StockAuditRepository;
import io.shopcore.stock.domain.StockAudit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditStockService implements AuditStockUseCase {

    private final StockAuditRepository figures;

    public AuditStockService(StockAuditRepository figures) {
        this.figures = figures;
    }

    @Override
    public Report audit(Long productId) {
        List<StockAudit.Figures> all = figures.figures(productId);
        List<StockAudit.Violation> violations = new ArrayList<>();
        for (StockAudit.Figures f : all) {
            violations.addAll(StockAudit.check(f));
        }
        return new Report(all.size(), violations);
    }
}
