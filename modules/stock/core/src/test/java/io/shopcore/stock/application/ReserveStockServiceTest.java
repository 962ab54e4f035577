package io.shopcore.stock.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.stock.application.port.in.Page;
import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase.Command;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reserve use case's own logic (idempotent replay, outcome mapping) over in-memory fakes. */
class ReserveStockServiceTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** An in-memory strategy that behaves like the real ones: one product table, key claims, outcomes. */
    static final class InMemoryStrategy implements ReservationStrategy {
        final Map<Long, StockLevel> levels = new HashMap<>();
        final InMemoryIdempotencyStore keys;
        final InMemoryReservations reservations;
        int calls;

        InMemoryStrategy(InMemoryIdempotencyStore keys, InMemoryReservations reservations) {
            this.keys = keys;
            this.reservations = reservations;
        }

        @Override
        public Outcome reserve(Request req) {
            calls++;
            String k = req.ownerId() + "/" + req.idempotencyKey();
            if (req.idempotencyKey() != null && keys.stored.containsKey(k)) {
                return new KeyAlreadyClaimed();
            }
            StockLevel level = levels.get(req.productId());
            Outcome outcome;
            IdempotencyStore.Kind kind;
            ReservationId rid = null;
            if (level == null) {
                outcome = new ProductNotFound();
                kind = IdempotencyStore.Kind.PRODUCT_NOT_FOUND;
            } else if (!level.canReserve(req.quantity())) {
                outcome = new InsufficientStock();
                kind = IdempotencyStore.Kind.INSUFFICIENT_STOCK;
            } else {
                levels.put(req.productId(), level.reserve(req.quantity()));
                Reservation r = Reservation.hold(req.id(), req.productId(), req.ownerId(), req.quantity(), NOW, req.ttl());
                reservations.byId.put(r.id(), r);
                outcome = new Reserved(r);
                kind = IdempotencyStore.Kind.RESERVED;
                rid = r.id();
            }
            if (req.idempotencyKey() != null) {
                keys.stored.put(k, new IdempotencyStore.StoredOutcome(req.productId(), req.quantity().value(), kind, rid));
            }
            return outcome;
        }
    }

    static class InMemoryIdempotencyStore implements IdempotencyStore {
        final Map<String, StoredOutcome> stored = new HashMap<>();

        @Override
        public Optional<StoredOutcome> find(String ownerId, String key) {
            return Optional.ofNullable(stored.get(ownerId + "/" + key));
        }

        @Override
        public int purgeCreatedBefore(Instant cutoff) {
            return 0;
        }
    }

    static final class InMemoryReservations implements ReservationRepository {
        final Map<ReservationId, Reservation> byId = new HashMap<>();

        @Override
        public Optional<Reservation> find(ReservationId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public boolean transitionFromHeld(ReservationId id, ReservationStatus next, Instant now, boolean onlyIfUnexpired) {
            Reservation r = byId.get(id);
            if (r == null || r.status() != ReservationStatus.HELD || (onlyIfUnexpired && r.isExpiredAt(now))) {
                return false;
            }
            byId.put(id, r.withStatus(next));
            return true;
        }

        @Override
        public List<Reservation> expireDue(Instant now, int limit) {
            return List.of();
        }

        @Override
        public Page<Reservation> list(String ownerId, ReservationStatus status, Instant now, long offset, int limit) {
            return new Page<>(List.of(), 0);
        }
    }

    final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    final InMemoryReservations reservations = new InMemoryReservations();
    final InMemoryStrategy strategy = new InMemoryStrategy(keys, reservations);
    final ReserveStockService service = new ReserveStockService(strategy, keys, reservations,
            new StockSettings(Duration.ofMinutes(10), 100, Duration.ofHours(24)));

    @Test
    void givenEnoughStock_reserve_holdsWithTtl() {
        strategy.levels.put(1L, StockLevel.initial(1, 5));
        var result = service.reserve(new Command(1, Quantity.of(2), "u", null));
        assertThat(result).isInstanceOf(ReserveStockUseCase.Reserved.class);
        Reservation r = ((ReserveStockUseCase.Reserved) result).reservation();
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(result.replayed()).isFalse();
    }

    @Test
    void givenSameKeyAndBody_reserve_replaysWithoutReservingAgain() {
        strategy.levels.put(1L, StockLevel.initial(1, 5));
        var first = (ReserveStockUseCase.Reserved) service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        reservations.byId.put(first.reservation().id(), first.reservation().withStatus(ReservationStatus.CONFIRMED));
        var again = service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        assertThat(again).isEqualTo(new ReserveStockUseCase.Reserved(first.reservation(), true));
        assertThat(strategy.calls).isEqualTo(1);
        assertThat(strategy.levels.get(1L).reserved()).isEqualTo(2);
    }

    @Test
    void givenSameKeyDifferentBody_reserve_isKeyReused() {
        strategy.levels.put(1L, StockLevel.initial(1, 5));
        service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        assertThat(service.reserve(new Command(1, Quantity.of(3), "u", "k")))
                .isInstanceOf(ReserveStockUseCase.IdempotencyKeyReused.class);
        assertThat(service.reserve(new Command(2, Quantity.of(2), "u", "k")))
                .isInstanceOf(ReserveStockUseCase.IdempotencyKeyReused.class);
        assertThat(strategy.calls).isEqualTo(1);
    }

    @Test
    void givenRefusalWithKey_repeat_replaysRefusal() {
        strategy.levels.put(1L, StockLevel.initial(1, 1));
        assertThat(service.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.InsufficientStock(false));
        assertThat(service.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.InsufficientStock(true));
        assertThat(service.reserve(new Command(9, Quantity.of(2), "u", "k2")))
                .isEqualTo(new ReserveStockUseCase.ProductNotFound(false));
    }

    @Test
    void givenKeyClaimedConcurrently_reserve_replaysTheWinner() {
        strategy.levels.put(1L, StockLevel.initial(1, 5));
        // Another instance won the key between our look-up and our claim: the fake strategy sees it stored.
        InMemoryIdempotencyStore late = new InMemoryIdempotencyStore() {
            int lookups;

            @Override
            public Optional<StoredOutcome> find(String ownerId, String key) {
                return lookups++ == 0 ? Optional.empty() : super.find(ownerId, key);
            }
        };
        InMemoryStrategy s = new InMemoryStrategy(late, reservations);
        s.levels.put(1L, StockLevel.initial(1, 5));
        Reservation winner = Reservation.hold(ReservationId.newId(), 1, "u", Quantity.of(2), NOW, Duration.ofMinutes(10));
        reservations.byId.put(winner.id(), winner);
        late.stored.put("u/k", new IdempotencyStore.StoredOutcome(1, 2, IdempotencyStore.Kind.RESERVED, winner.id()));
        var svc = new ReserveStockService(s, late, reservations, new StockSettings(Duration.ofMinutes(10), 1, Duration.ofHours(24)));
        assertThat(svc.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.Reserved(winner, true));
        assertThat(s.levels.get(1L).reserved()).isZero();
    }

    @Test
    void commandRules() {
        assertThat(Command.isValidKey("abc-123 ~!")).isTrue();
        assertThat(Command.isValidKey("")).isFalse();
        assertThat(Command.isValidKey("x".repeat(129))).isFalse();
        assertThat(Command.isValidKey("x".repeat(128))).isTrue();
        assertThat(Command.isValidKey("tab\t")).isFalse();
        assertThat(Command.isValidKey("é")).isFalse();
    }
}
