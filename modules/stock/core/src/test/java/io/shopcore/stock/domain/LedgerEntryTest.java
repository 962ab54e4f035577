package io.shopcore.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerEntryTest {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final Reservation R =
            Reservation.hold(ReservationId.newId(), 4, "u", Quantity.of(3), AT, Duration.ofMinutes(1));

    @Test
    void adjustment_isAnUnnumberedSignedAdjustWithoutReservation() {
        LedgerEntry e = LedgerEntry.adjustment(4, -2, "stock-take", AT);
        assertThat(e)
                .isEqualTo(new LedgerEntry(LedgerEntry.UNNUMBERED, 4, LedgerType.ADJUST, -2, null, "stock-take", AT));
    }

    @ParameterizedTest
    @EnumSource(
            value = LedgerType.class,
            names = {"RESERVE", "CONFIRM", "RELEASE", "EXPIRE"})
    void forReservation_carriesItsProductQuantityAndId(LedgerType type) {
        LedgerEntry e = LedgerEntry.forReservation(R, type, AT);
        assertThat(e).isEqualTo(new LedgerEntry(LedgerEntry.UNNUMBERED, 4, type, 3, R.id(), null, AT));
    }

    @Test
    void reconstitute_keepsTheStoredId() {
        assertThat(LedgerEntry.reconstitute(17, 4, LedgerType.RELEASE, 3, R.id(), null, AT)
                        .id())
                .isEqualTo(17);
    }

    @Test
    void broken_entries_areRefused() {
        assertThatThrownBy(() -> new LedgerEntry(0, 4, LedgerType.RESERVE, 0, R.id(), null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(0, 4, LedgerType.CONFIRM, 1, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(0, 4, LedgerType.ADJUST, 1, R.id(), null, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerEntry(0, 4, null, 1, null, null, AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LedgerEntry(0, 4, LedgerType.ADJUST, 1, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new LedgerEntry(0, 4, LedgerType.ADJUST, 0, null, null, AT).quantity())
                .isZero();
    }

    @Test
    void endingHoldAs_namesTheEntryOfEachFinalStatus() {
        assertThat(LedgerType.endingHoldAs(ReservationStatus.CONFIRMED)).isEqualTo(LedgerType.CONFIRM);
        assertThat(LedgerType.endingHoldAs(ReservationStatus.RELEASED)).isEqualTo(LedgerType.RELEASE);
        assertThat(LedgerType.endingHoldAs(ReservationStatus.EXPIRED)).isEqualTo(LedgerType.EXPIRE);
        assertThatThrownBy(() -> LedgerType.endingHoldAs(ReservationStatus.HELD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
