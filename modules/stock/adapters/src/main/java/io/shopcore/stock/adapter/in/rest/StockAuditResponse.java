package io.shopcore.stock.adapter.in.rest;

import io.shopcore.stock.application.port.in.AuditStockUseCase;
import java.util.List;

public record StockAuditResponse(int productsChecked, boolean consistent, List<Violation> violations) {

    public record Violation(long productId, String rule, String detail) {}

    static StockAuditResponse from(AuditStockUseCase.Report report) {
        return new StockAuditResponse(
                report.productsChecked(),
                report.consistent(),
                report.violations().stream()
                        .map(v -> new Violation(v.productId(), v.rule(), v.detail()))
                        .toList());
    }
}
