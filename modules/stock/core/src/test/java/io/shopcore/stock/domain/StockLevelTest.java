package io.shopcore.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StockLevelTest {

    @Test
    void givenNewProduct_initial_hasNothingReserved() {
        StockLevel s = StockLevel.initial(1, 10);
        assertThat(s.total()).isEqualTo(10);
        assertThat(s.reserved()).isZero();
        assertThat(s.available()).isEqualTo(10);
    }

    @Test
    void givenNegativeInitialStock_initial_throws() {
        assertThatThrownBy(() -> StockLevel.initial(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenReservedOutsideRange_construct_throws() {
        assertThatThrownBy(() -> new StockLevel(1, 5, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(1, 5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEnoughStock_reserve_holdsQuantity() {
        StockLevel s = StockLevel.initial(1, 10).reserve(Quantity.of(4));
        assertThat(s.reserved()).isEqualTo(4);
        assertThat(s.available()).isEqualTo(6);
        assertThat(s.total()).isEqualTo(10);
    }

    @Test
    void givenExactlyEnough_reserve_leavesZeroAvailable() {
        StockLevel s = StockLevel.initial(1, 10).reserve(Quantity.of(10));
        assertThat(s.available()).isZero();
        assertThat(s.canReserve(Quantity.of(1))).isFalse();
    }

    @Test
    void givenTooLittleStock_reserve_throws() {
        StockLevel s = StockLevel.initial(1, 3);
        assertThat(s.canReserve(Quantity.of(4))).isFalse();
        assertThatThrownBy(() -> s.reserve(Quantity.of(4))).isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void givenHeldUnits_confirm_removesThemFromTotalAndReserved() {
        StockLevel s = StockLevel.initial(1, 10).reserve(Quantity.of(4)).confirm(Quantity.of(4));
        assertThat(s.total()).isEqualTo(6);
        assertThat(s.reserved()).isZero();
        assertThat(s.available()).isEqualTo(6);
    }

    @Test
    void givenHeldUnits_release_makesThemAvailable() {
        StockLevel s = StockLevel.initial(1, 10).reserve(Quantity.of(4)).release(Quantity.of(4));
        assertThat(s.total()).isEqualTo(10);
        assertThat(s.available()).isEqualTo(10);
    }

    @Test
    void givenReservedUnits_adjustBelowReserved_isRefused() {
        StockLevel s = StockLevel.initial(1, 10).reserve(Quantity.of(8));
        assertThat(s.canAdjust(-2)).isTrue();
        assertThat(s.canAdjust(-3)).isFalse();
        assertThat(s.adjust(-2).total()).isEqualTo(8);
        assertThatThrownBy(() -> s.adjust(-3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenHugeTotal_adjustThatOverflows_isRefused() {
        StockLevel s = StockLevel.initial(1, Integer.MAX_VALUE - 1);
        assertThat(s.canAdjust(1)).isTrue();
        assertThat(s.canAdjust(2)).isFalse();
    }
}
