package io.shopcore.stock.application;

import static io.shopcore.stock.application.StockFakes.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.port.in.Caller;
import io.shopcore.stock.application.port.in.ReservationTransitionResult;
import io.shopcore.stock.application.port.in.ReservationTransitionResult.Done;
import io.shopcore.stock.application.port.in.ReservationTransitionResult.NotFound;
import io.shopcore.stock.application.port.in.ReservationTransitionResult.NotHeld;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.LedgerEntry;
import io.shopcore.stock.domain.LedgerType;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import io.shopcore.stock.testing.InMemoryReservationRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Confirm and release (and the expiry they trigger on an overdue reservation) over the fakes. */
class ReservationTransitionsTest {

    static final long PRODUCT = 1;
    static final Caller ALICE = new Caller("alice", false);

    final StockFakes f = new StockFakes();
    ConfirmReservationService confirm = new ConfirmReservationService(f.reservations, f.stock, f.ledger, f.clock);
    ReleaseReservationService release = new ReleaseReservationService(f.reservations, f.stock, f.ledger, f.clock);

    Reservation reserve(String owner, int quantity) {
        var outcome = f.strategy.reserve(new ReservationStrategy.Request(
                ReservationId.newId(), PRODUCT, Quantity.of(quantity), owner, null, TTL));
        return ((ReservationStrategy.Reserved) outcome).reservation();
    }

    @Test
    void givenHeld_confirm_takesUnitsOutOfTotalAndReserved_andWritesConfirm() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 3);

        ReservationTransitionResult result = confirm.confirm(r.id(), ALICE);

        assertThat(result).isEqualTo(new Done(r.withStatus(ReservationStatus.CONFIRMED)));
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 7, 0));
        assertThat(f.reservations.find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.ledger.of(PRODUCT).getLast())
                .isEqualTo(LedgerEntry.reconstitute(2, PRODUCT, LedgerType.CONFIRM, 3, r.id(), null, StockFakes.NOW));
    }

    @Test
    void givenHeld_release_givesUnitsBack_andWritesRelease() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 4);

        assertThat(release.release(r.id(), ALICE)).isEqualTo(new Done(r.withStatus(ReservationStatus.RELEASED)));
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 10, 0));
        LedgerEntry last = f.ledger.of(PRODUCT).getLast();
        assertThat(last.type()).isEqualTo(LedgerType.RELEASE);
        assertThat(last.quantity()).isEqualTo(4);
        assertThat(last.reservationId()).isEqualTo(r.id());
    }

    @Test
    void givenAnotherUsersReservation_confirm_isNotFound_andAdminMay() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 1);
        assertThat(confirm.confirm(r.id(), new Caller("bob", false))).isEqualTo(new NotFound());
        assertThat(release.release(ReservationId.newId(), ALICE)).isEqualTo(new NotFound());
        assertThat(f.stock.stored(PRODUCT).reserved()).isEqualTo(1);
        assertThat(confirm.confirm(r.id(), new Caller("admin", true))).isInstanceOf(Done.class);
    }

    @Test
    void givenEnded_confirmOrRelease_isNotHeld_andChangesNothing() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 2);
        release.release(r.id(), ALICE);
        int entries = f.ledger.of(PRODUCT).size();

        assertThat(confirm.confirm(r.id(), ALICE)).isEqualTo(new NotHeld(ReservationStatus.RELEASED));
        assertThat(release.release(r.id(), ALICE)).isEqualTo(new NotHeld(ReservationStatus.RELEASED));
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 10, 0));
        assertThat(f.ledger.of(PRODUCT)).hasSize(entries);
    }

    @Test
    void givenOverdueNotSwept_confirm_expiresItOnTheSpot_andAnswersExpired() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 5);
        f.clock.set(r.expiresAt());

        assertThat(confirm.confirm(r.id(), ALICE)).isEqualTo(new NotHeld(ReservationStatus.EXPIRED));
        assertThat(f.reservations.find(r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 10, 0));
        LedgerEntry last = f.ledger.of(PRODUCT).getLast();
        assertThat(last.type()).isEqualTo(LedgerType.EXPIRE);
        assertThat(last.createdAt()).isEqualTo(r.expiresAt());
    }

    @Test
    void givenOverdue_sweeperWinsTheExpiry_release_answersExpired_andGivesNothingBackTwice() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 5);
        f.clock.set(r.expiresAt().plusSeconds(1));
        // The sweeper expires it (and gives the units back) between our read and our expiry.
        var sweeper = new ExpireReservationsService(f.reservations, f.stock, f.ledger, f.settings, f.clock);
        var racing = new InMemoryReservationRepository() {
            @Override
            public synchronized boolean expireIfHeld(ReservationId id, Instant now) {
                sweeper.expireDue();
                return f.reservations.expireIfHeld(id, now);
            }

            @Override
            public synchronized Optional<Reservation> find(ReservationId id) {
                return f.reservations.find(id);
            }
        };
        release = new ReleaseReservationService(racing, f.stock, f.ledger, f.clock);

        assertThat(release.release(r.id(), ALICE)).isEqualTo(new NotHeld(ReservationStatus.EXPIRED));
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 10, 0));
        assertThat(f.ledger.of(PRODUCT))
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerType.RESERVE, LedgerType.EXPIRE);
    }

    @Test
    void givenConcurrentRelease_confirmLosesTheRace_answersWhatItBecame_andChangesNothing() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 2);
        var racing = new InMemoryReservationRepository() {
            @Override
            public synchronized Optional<Reservation> find(ReservationId id) {
                return f.reservations.find(id);
            }

            @Override
            public synchronized boolean endHoldIfUnexpired(ReservationId id, ReservationStatus next, Instant now) {
                // Another request's release commits just before our conditional update.
                release.release(id, ALICE);
                return f.reservations.endHoldIfUnexpired(id, next, now);
            }
        };
        confirm = new ConfirmReservationService(racing, f.stock, f.ledger, f.clock);

        assertThat(confirm.confirm(r.id(), ALICE)).isEqualTo(new NotHeld(ReservationStatus.RELEASED));
        assertThat(f.stock.stored(PRODUCT)).isEqualTo(new StockLevel(PRODUCT, 10, 0));
        assertThat(f.ledger.of(PRODUCT))
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerType.RESERVE, LedgerType.RELEASE);
    }

    @Test
    void givenHeldWithTimeLeft_release_justBeforeExpiry_works() {
        f.stock.given(PRODUCT, 10);
        Reservation r = reserve("alice", 2);
        f.clock.set(r.expiresAt().minus(Duration.ofMillis(1)));
        assertThat(release.release(r.id(), ALICE)).isInstanceOf(Done.class);
    }
}
