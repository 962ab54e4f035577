package io.shopcore.stock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.stock.application.port.in.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings, callers and pages: the small value rules of the application layer. */
class SmallRulesTest {

    @Test
    void settings_refuseNonPositiveTtl_emptyBatches_andShortRetention() {
        Duration day = Duration.ofHours(24);
        assertThat(new StockSettings(Duration.ofMillis(1), 1, day).sweepBatchSize())
                .isEqualTo(1);
        assertThatThrownBy(() -> new StockSettings(Duration.ZERO, 1, day)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockSettings(Duration.ofSeconds(-1), 1, day))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockSettings(Duration.ofMinutes(1), 0, day))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockSettings(Duration.ofMinutes(1), 1, day.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockSettings(null, 1, day)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StockSettings(Duration.ofMinutes(1), 1, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void caller_seesOwnReservations_adminSeesAll() {
        assertThat(new Caller("a", false).maySee("a")).isTrue();
        assertThat(new Caller("a", false).maySee("b")).isFalse();
        assertThat(new Caller("a", true).maySee("b")).isTrue();
        assertThatThrownBy(() -> new Caller(null, false)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void page_keepsAnUnchangeableCopy() {
        List<String> items = new ArrayList<>(List.of("x"));
        Page<String> page = new Page<>(items, 5);
        items.add("y");
        assertThat(page.items()).containsExactly("x");
        assertThatThrownBy(() -> page.items().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }
}
