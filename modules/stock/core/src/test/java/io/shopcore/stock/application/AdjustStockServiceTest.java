package io.shopcore.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.stock.application.port.in.AdjustStockUseCase.Adjusted;
import io.shopcore.stock.application.port.in.AdjustStockUseCase.BelowReserved;
import io.shopcore.stock.application.port.in.AdjustStockUseCase.Command;
import io.shopcore.stock.application.port.in.AdjustStockUseCase.ProductNotFound;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.StockLevel;
import org.junit.jupiter.api.Test;

class AdjustStockServiceTest {

    final StockFakes f = new StockFakes();
    final AdjustStockService adjust = new AdjustStockService(f.stock, f.ledger, f.clock);

    @Test
    void givenLevel_adjust_changesTotal_andWritesAnAdjustEntryWithTheReason() {
        f.stock.given(1, 10);
        f.stock.applyDelta(1, 0, 6);
        assertThat(adjust.adjust(new Command(1, 5, "delivery"))).isEqualTo(new Adjusted(new StockLevel(1, 15, 6)));
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 15, 6));
        assertThat(f.ledger.of(1))
                .containsExactly(
                        LedgerEntry.reconstitute(1, 1, LedgerType.ADJUST, 5, null, "delivery", StockFakes.NOW));
    }

    @Test
    void givenReservedUnits_adjustDownToExactlyReserved_works_oneMoreIsBelowReserved() {
        f.stock.given(1, 10);
        f.stock.applyDelta(1, 0, 6);
        assertThat(adjust.adjust(new Command(1, -5, "stock-take")))
                .isEqualTo(new BelowReserved(new StockLevel(1, 10, 6)));
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 6));
        assertThat(f.ledger.of(1)).isEmpty();
        assertThat(adjust.adjust(new Command(1, -4, "stock-take"))).isEqualTo(new Adjusted(new StockLevel(1, 6, 6)));
    }

    @Test
    void givenUnknownOrRetiredProduct_adjust_isNotFound() {
        assertThat(adjust.adjust(new Command(9, 1, "x"))).isEqualTo(new ProductNotFound());
        f.stock.given(2, 1);
        f.stock.retire(2);
        assertThat(adjust.adjust(new Command(2, 1, "x"))).isEqualTo(new ProductNotFound());
        assertThat(f.ledger.of(2)).isEmpty();
    }

    @Test
    void givenHugeTotal_adjustThatOverflows_isBelowReservedRefusal() {
        f.stock.given(1, Integer.MAX_VALUE - 1);
        assertThat(adjust.adjust(new Command(1, 2, "x"))).isInstanceOf(BelowReserved.class);
    }

    @Test
    void commandRules() {
        assertThatThrownBy(() -> new Command(0, 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, 0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, 1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, 1, "x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, 1, null)).isInstanceOf(NullPointerException.class);
        assertThat(new Command(1, -1, "x".repeat(500)).reason()).hasSize(500);
    }
}
