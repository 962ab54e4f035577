package io.shopcore.stock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.LedgerRepository;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link LedgerRepository} does: append in order, number, page newest first. */
public abstract class LedgerRepositoryContract {

    static final Instant AT = Instant.parse("2001-01-01T00:00:00Z");

    protected abstract LedgerRepository ledger();

    /** A product id no other test uses. */
    protected abstract long newProductId();

    @Test
    public void givenAppendedEntries_page_answersNewestFirst_withTheirContent_andTotal() {
        long product = newProductId();
        Reservation r =
                Reservation.hold(ReservationId.newId(), product, "owner", Quantity.of(3), AT, Duration.ofMinutes(1));
        ledger().append(List.of(
                LedgerEntry.adjustment(product, 10, "initial stock", AT),
                LedgerEntry.forReservation(r, LedgerType.RESERVE, AT.plusSeconds(1))));
        ledger().append(List.of(
                LedgerEntry.forReservation(r, LedgerType.CONFIRM, AT.plusSeconds(2)),
                LedgerEntry.adjustment(product, -4, "stock-take", AT.plusSeconds(3))));
        ledger().append(List.of());

        Page<LedgerEntry> page = ledger().page(product, 0, 10);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerType.ADJUST, LedgerType.CONFIRM, LedgerType.RESERVE, LedgerType.ADJUST);
        assertThat(page.items())
                .extracting(LedgerEntry::id)
                .doesNotContain(LedgerEntry.UNNUMBERED)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        LedgerEntry stockTake = page.items().getFirst();
        assertThat(stockTake.quantity()).isEqualTo(-4);
        assertThat(stockTake.reason()).isEqualTo("stock-take");
        assertThat(stockTake.reservationId()).isNull();
        assertThat(stockTake.createdAt()).isEqualTo(AT.plusSeconds(3));
        LedgerEntry confirm = page.items().get(1);
        assertThat(confirm.quantity()).isEqualTo(3);
        assertThat(confirm.reservationId()).isEqualTo(r.id());
        assertThat(confirm.productId()).isEqualTo(product);

        Page<LedgerEntry> second = ledger().page(product, 1, 2);
        assertThat(second.items())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerType.CONFIRM, LedgerType.RESERVE);
        assertThat(second.total()).isEqualTo(4);
        assertThat(ledger().page(newProductId(), 0, 10)).isEqualTo(new Page<>(List.of(), 0));
    }
}
