package io.shopcore.stock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.Page;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReservationRepository} does, run against the in-memory fake (stock core) and the
 * JDBC adapter (bootstrap, real PostgreSQL). Times lie in 2001 so that, on a shared database, expiry
 * only ever sees this contract's own reservations; an implementation on a shared store forgets the
 * reservations of earlier tests from that era before each test.
 */
public abstract class ReservationRepositoryContract {

    /** Before any reservation this contract writes expires. */
    public static final Instant ERA = Instant.parse("2001-01-01T00:00:00Z");

    protected static final Duration TTL = Duration.ofMinutes(10);

    protected abstract ReservationRepository repository();

    /** Writes {@code reservation} as a reservation strategy would. */
    protected abstract void store(Reservation reservation);

    /** A product id no other test uses. */
    protected abstract long newProductId();

    protected final String owner = "contract-" + UUID.randomUUID();

    protected Reservation held(long productId, String ownerId, int quantity, Instant createdAt) {
        Reservation r =
                Reservation.hold(ReservationId.newId(), productId, ownerId, Quantity.of(quantity), createdAt, TTL);
        store(r);
        return r;
    }

    @Test
    public void givenStored_find_returnsItAsWritten() {
        Reservation r = held(newProductId(), owner, 3, ERA);
        assertThat(repository().find(r.id())).contains(r);
        assertThat(repository().find(ReservationId.newId())).isEmpty();
    }

    @Test
    public void givenHeldUnexpired_endHold_changesItOnce() {
        Reservation r = held(newProductId(), owner, 2, ERA);
        Instant now = ERA.plusSeconds(1);
        assertThat(repository().endHoldIfUnexpired(r.id(), ReservationStatus.CONFIRMED, now))
                .isTrue();
        assertThat(repository().find(r.id())).contains(r.withStatus(ReservationStatus.CONFIRMED));
        // The hold has ended: neither another confirm/release nor an expiry changes it again.
        assertThat(repository().endHoldIfUnexpired(r.id(), ReservationStatus.RELEASED, now))
                .isFalse();
        assertThat(repository().expireIfHeld(r.id(), now.plus(TTL))).isFalse();
        assertThat(repository().find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    public void givenHeldOverdue_endHold_isRefused_butExpireIfHeldExpiresIt() {
        Reservation r = held(newProductId(), owner, 2, ERA);
        Instant atExpiry = r.expiresAt();
        assertThat(repository().endHoldIfUnexpired(r.id(), ReservationStatus.RELEASED, atExpiry))
                .isFalse();
        assertThat(repository().find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
        assertThat(repository().expireIfHeld(r.id(), atExpiry)).isTrue();
        assertThat(repository().find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(repository().expireIfHeld(r.id(), atExpiry)).isFalse();
    }

    @Test
    public void givenUnknownId_statusChanges_changeNothing() {
        assertThat(repository().endHoldIfUnexpired(ReservationId.newId(), ReservationStatus.CONFIRMED, ERA))
                .isFalse();
        assertThat(repository().expireIfHeld(ReservationId.newId(), ERA)).isFalse();
    }

    @Test
    public void givenOverdueAndCurrentReservations_expireDue_expiresOnlyOverdueHeld_upToTheLimit_oldestFirst() {
        long product = newProductId();
        Reservation first = held(product, owner, 1, ERA);
        Reservation second = held(product, owner, 2, ERA.plusSeconds(1));
        Reservation third = held(product, owner, 3, ERA.plusSeconds(2));
        Reservation released = held(product, owner, 4, ERA);
        repository().endHoldIfUnexpired(released.id(), ReservationStatus.RELEASED, ERA);
        Reservation current = held(product, owner, 5, ERA.plus(TTL));
        Instant now = third.expiresAt();

        assertThat(repository().expireDue(now, 2))
                .containsExactlyInAnyOrder(
                        first.withStatus(ReservationStatus.EXPIRED), second.withStatus(ReservationStatus.EXPIRED));
        assertThat(repository().expireDue(now, 2)).containsExactly(third.withStatus(ReservationStatus.EXPIRED));
        assertThat(repository().expireDue(now, 2)).isEmpty();
        assertThat(repository().find(released.id()).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(repository().find(current.id()).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    public void givenOverdueAndCurrentReservations_countOverdue_countsOverdueHeldUntilExpired() {
        long product = newProductId();
        Reservation first = held(product, owner, 1, ERA);
        held(product, owner, 2, ERA.plusSeconds(1));
        Reservation released = held(product, owner, 3, ERA);
        repository().endHoldIfUnexpired(released.id(), ReservationStatus.RELEASED, ERA);
        held(product, owner, 4, ERA.plus(TTL));
        Instant now = first.expiresAt().plusSeconds(1);

        assertThat(repository().countOverdue(ERA)).isZero();
        assertThat(repository().countOverdue(now)).isEqualTo(2);
        repository().expireDue(now, 10);
        assertThat(repository().countOverdue(now)).isZero();
    }

    @Test
    public void givenSeveralOwners_list_showsOnlyTheOwners_newestFirst_paged() {
        long product = newProductId();
        Reservation oldest = held(product, owner, 1, ERA);
        Reservation middle = held(product, owner, 2, ERA.plusSeconds(1));
        Reservation newest = held(product, owner, 3, ERA.plusSeconds(2));
        held(product, owner + "-other", 4, ERA.plusSeconds(3));
        Instant now = ERA.plusSeconds(5);

        Page<Reservation> all = repository().list(owner, null, now, 0, 10);
        assertThat(all.items()).containsExactly(newest, middle, oldest);
        assertThat(all.total()).isEqualTo(3);
        Page<Reservation> second = repository().list(owner, null, now, 1, 1);
        assertThat(second.items()).containsExactly(middle);
        assertThat(second.total()).isEqualTo(3);
        assertThat(repository().list(owner, null, now, 3, 10).items()).isEmpty();
        assertThat(repository().list(owner + "-nobody", null, now, 0, 10).total())
                .isZero();
        assertThat(repository().list(null, null, now, 0, 1).total()).isGreaterThanOrEqualTo(4);
    }

    @Test
    public void givenOverdueHeld_listByStatus_judgesExpiryAtNow() {
        long product = newProductId();
        Reservation overdue = held(product, owner, 1, ERA);
        Reservation current = held(product, owner, 2, ERA.plus(TTL).minusSeconds(1));
        Reservation confirmed = held(product, owner, 3, ERA.plus(TTL).minusSeconds(2));
        repository()
                .endHoldIfUnexpired(
                        confirmed.id(),
                        ReservationStatus.CONFIRMED,
                        ERA.plus(TTL).minusSeconds(2));
        Instant now = overdue.expiresAt();

        assertThat(repository().list(owner, ReservationStatus.HELD, now, 0, 10).items())
                .containsExactly(current);
        assertThat(repository()
                        .list(owner, ReservationStatus.EXPIRED, now, 0, 10)
                        .items())
                .containsExactly(overdue);
        assertThat(repository()
                        .list(owner, ReservationStatus.CONFIRMED, now, 0, 10)
                        .items())
                .containsExactly(confirmed.withStatus(ReservationStatus.CONFIRMED));
        assertThat(repository()
                        .list(owner, ReservationStatus.RELEASED, now, 0, 10)
                        .total())
                .isZero();
    }
}
