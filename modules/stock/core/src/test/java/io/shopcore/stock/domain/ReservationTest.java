package io.shopcore.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReservationTest {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123456Z");
    static final Duration TTL = Duration.ofMinutes(10);

    static Reservation held() {
        return Reservation.hold(ReservationId.newId(), 7, "user-a", Quantity.of(3), NOW, TTL);
    }

    @Test
    void hold_isHeldUntilTtl_withMillisecondTimes() {
        Reservation r = held();
        assertThat(r.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(r.expiresAt()).isEqualTo(r.createdAt().plus(TTL));
    }

    @Test
    void givenNonPositiveTtl_hold_throws() {
        assertThatThrownBy(() -> Reservation.hold(ReservationId.newId(), 7, "u", Quantity.of(1), NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenHeld_beforeExpiry_isHeld_andAtExpiry_isExpired() {
        Reservation r = held();
        assertThat(r.statusAt(r.expiresAt().minusMillis(1))).isEqualTo(ReservationStatus.HELD);
        assertThat(r.isHeldAt(r.expiresAt().minusMillis(1))).isTrue();
        assertThat(r.statusAt(r.expiresAt())).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(r.asSeenAt(r.expiresAt().plusSeconds(1)).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(r.isHeldAt(r.expiresAt())).isFalse();
    }

    @Test
    void givenConfirmed_pastExpiry_staysConfirmed() {
        Reservation r = held().withStatus(ReservationStatus.CONFIRMED);
        assertThat(r.statusAt(r.expiresAt().plusSeconds(60))).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "RELEASED", "EXPIRED"})
    void givenHeld_transition_toFinalStatus_works(ReservationStatus target) {
        assertThat(held().withStatus(target).status()).isEqualTo(target);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReservationStatus.class,
            names = {"CONFIRMED", "RELEASED", "EXPIRED"})
    void givenFinalStatus_anyTransition_isRefused(ReservationStatus from) {
        Reservation r = held().withStatus(from);
        for (ReservationStatus to : ReservationStatus.values()) {
            assertThatThrownBy(() -> r.withStatus(to)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(from.isFinal()).isTrue();
    }

    @Test
    void givenHeld_transitionToHeld_isRefused() {
        assertThatThrownBy(() -> held().withStatus(ReservationStatus.HELD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void asCreated_showsOriginalHeldStatus() {
        Reservation r = held().withStatus(ReservationStatus.CONFIRMED);
        assertThat(r.asCreated().status()).isEqualTo(ReservationStatus.HELD);
        assertThat(r.asCreated().id()).isEqualTo(r.id());
    }

    @Test
    void ownership() {
        assertThat(held().isOwnedBy("user-a")).isTrue();
        assertThat(held().isOwnedBy("user-b")).isFalse();
    }
}
