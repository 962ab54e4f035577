package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.AdjustStockUseCase;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.application.port.out.StockLevelRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AdjustStockService implements AdjustStockUseCase {

    private final StockLevelRepository stock;
    private final LedgerRepository ledger;
    private final Clock clock;

    public AdjustStockService(StockLevelRepository stock, LedgerRepository ledger, Clock clock) {
        this.stock = stock;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result adjust(Command command) {
        Optional<StockLevel> locked = stock.lock(command.productId());
        if (locked.isEmpty()) {
            return new ProductNotFound();
        }
        StockLevel current = locked.get();
        if (!current.canAdjust(command.delta())) {
            return new BelowReserved(current);
        }
        StockLevel next = current.adjust(command.delta());
        stock.update(next);
        ledger.append(List.of(
                LedgerEntry.adjustment(command.productId(), command.delta(), command.reason(), clock.instant())));
        return new Adjusted(next);
    }
}
