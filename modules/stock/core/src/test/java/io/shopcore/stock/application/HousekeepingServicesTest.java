package io.shopcore.stock.application;

import static io.shopcore.stock.application.StockFakes.NOW;
import static io.shopcore.stock.application.StockFakes.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expiring overdue reservations and purging old idempotency keys, over the fakes. */
class HousekeepingServicesTest {

    final StockFakes f = new StockFakes(); // sweep batch size 2
    final ExpireReservationsService expire =
            new ExpireReservationsService(f.reservations, f.stock, f.ledger, f.settings, f.clock);
    final PurgeIdempotencyKeysService purge = new PurgeIdempotencyKeysService(f.keys, f.settings, f.clock);

    Reservation reserve(long product, int quantity) {
        return ((ReservationStrategy.Reserved) f.strategy.reserve(new ReservationStrategy.Request(
                        ReservationId.newId(), product, Quantity.of(quantity), "alice", null, TTL)))
                .reservation();
    }

    @Test
    void givenNothingOverdue_expireDue_changesNothing() {
        f.stock.given(1, 10);
        Reservation r = reserve(1, 3);
        f.clock.set(r.expiresAt().minusMillis(1));
        assertThat(expire.expireDue()).isZero();
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 3));
        assertThat(f.ledger.of(1)).extracting(LedgerEntry::type).containsExactly(LedgerType.RESERVE);
    }

    @Test
    void givenOverdueOfSeveralProducts_expireDue_expiresOneBatch_givesUnitsBackPerProduct_andWritesExpire() {
        f.stock.given(1, 10);
        f.stock.given(2, 10);
        Reservation a = reserve(1, 3);
        f.clock.advance(Duration.ofSeconds(1));
        Reservation b = reserve(2, 4);
        f.clock.advance(Duration.ofSeconds(1));
        Reservation c = reserve(1, 2);
        f.clock.set(c.expiresAt());

        assertThat(expire.overdueBacklog()).isEqualTo(3);
        assertThat(expire.expireDue()).isEqualTo(2);
        assertThat(expire.overdueBacklog()).isEqualTo(1);
        assertThat(f.reservations.find(a.id()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.reservations.find(b.id()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.reservations.find(c.id()).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 2));
        assertThat(f.stock.stored(2)).isEqualTo(new StockLevel(2, 10, 0));
        LedgerEntry expiredA = f.ledger.of(1).getLast();
        assertThat(expiredA.type()).isEqualTo(LedgerType.EXPIRE);
        assertThat(expiredA.reservationId()).isEqualTo(a.id());
        assertThat(expiredA.quantity()).isEqualTo(3);
        assertThat(expiredA.createdAt()).isEqualTo(c.expiresAt());

        assertThat(expire.expireDue()).isEqualTo(1);
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 0));
        assertThat(expire.expireDue()).isZero();
        assertThat(expire.overdueBacklog()).isZero();
    }

    @Test
    void givenTwoOverdueOfOneProduct_expireDue_givesBackTheirSum() {
        f.stock.given(1, 10);
        reserve(1, 3);
        Reservation last = reserve(1, 4);
        f.clock.set(last.expiresAt());
        assertThat(expire.expireDue()).isEqualTo(2);
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 10, 0));
        assertThat(f.ledger.of(1))
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerType.RESERVE, LedgerType.RESERVE, LedgerType.EXPIRE, LedgerType.EXPIRE);
    }

    @Test
    void givenKeysOlderAndYoungerThanRetention_purge_forgetsOnlyTheOld() {
        var outcome = new IdempotencyStore.StoredOutcome(1, 1, IdempotencyStore.Kind.PRODUCT_NOT_FOUND, null);
        f.keys.claim("u", "old", 1, 1, NOW.minus(Duration.ofHours(25)));
        f.keys.answer("u", "old", outcome);
        f.keys.claim("u", "edge", 1, 1, NOW.minus(Duration.ofHours(24)));
        f.keys.answer("u", "edge", outcome);
        f.keys.claim("u", "young", 1, 1, NOW.minus(Duration.ofHours(23)));
        f.keys.answer("u", "young", outcome);

        assertThat(purge.purgeBatch(10)).isEqualTo(1);
        assertThat(purge.purgeBatch(10)).isZero();
        assertThat(f.keys.find("u", "old")).isEmpty();
        assertThat(f.keys.find("u", "edge")).contains(outcome);
        assertThat(f.keys.find("u", "young")).contains(outcome);
    }
}
