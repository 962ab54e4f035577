package io.shopcore.stock.application;

import static io.shopcore.stock.application.StockFakes.NOW;
import static io.shopcore.stock.application.StockFakes.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.in.ReserveStockUseCase.Command;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import io.shopcore.stock.domain.ReservationStatus;
import io.shopcore.stock.domain.StockLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The reserve use case's own logic (idempotent replay, the outcome mapping, async hand-off) over the fakes. */
class ReserveStockServiceTest {

    final StockFakes f = new StockFakes();
    /** Runs blocking work inline and counts it, so a test sees what was handed to the worker pool. */
    final List<Runnable> blockingWork = new ArrayList<>();

    final Executor blocking = task -> {
        blockingWork.add(task);
        task.run();
    };
    final ReserveStockService service =
            new ReserveStockService(f.strategy, f.keys, f.reservations, f.settings, blocking);

    @Test
    void givenEnoughStock_reserve_holdsWithTtl() {
        f.stock.given(1, 5);
        var result = service.reserve(new Command(1, Quantity.of(2), "u", null));
        Reservation r = ((ReserveStockUseCase.Reserved) result).reservation();
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(r.ownerId()).isEqualTo("u");
        assertThat(result.replayed()).isFalse();
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 5, 2));
    }

    @Test
    void givenSameKeyAndBody_reserve_replaysTheReservationAsCreated_withoutReservingAgain() {
        f.stock.given(1, 5);
        var first = (ReserveStockUseCase.Reserved) service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        f.reservations.endHoldIfUnexpired(first.reservation().id(), ReservationStatus.CONFIRMED, NOW);
        var again = service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        assertThat(again).isEqualTo(new ReserveStockUseCase.Reserved(first.reservation(), true));
        assertThat(f.strategy.calls()).isEqualTo(1);
        assertThat(f.stock.stored(1).reserved()).isEqualTo(2);
    }

    @Test
    void givenSameKeyDifferentBody_reserve_isKeyReused() {
        f.stock.given(1, 5);
        service.reserve(new Command(1, Quantity.of(2), "u", "k"));
        assertThat(service.reserve(new Command(1, Quantity.of(3), "u", "k")))
                .isInstanceOf(ReserveStockUseCase.IdempotencyKeyReused.class);
        assertThat(service.reserve(new Command(2, Quantity.of(2), "u", "k")))
                .isInstanceOf(ReserveStockUseCase.IdempotencyKeyReused.class);
        assertThat(new ReserveStockUseCase.IdempotencyKeyReused().replayed()).isFalse();
        assertThat(f.strategy.calls()).isEqualTo(1);
    }

    @Test
    void givenRefusalWithKey_repeat_replaysRefusal() {
        f.stock.given(1, 1);
        assertThat(service.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.InsufficientStock(false));
        assertThat(service.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.InsufficientStock(true));
        assertThat(service.reserve(new Command(9, Quantity.of(2), "u", "k2")))
                .isEqualTo(new ReserveStockUseCase.ProductNotFound(false));
        assertThat(service.reserve(new Command(9, Quantity.of(2), "u", "k2")))
                .isEqualTo(new ReserveStockUseCase.ProductNotFound(true));
    }

    @Test
    void givenStoredReservationVanished_replay_isNotFound() {
        f.keys.claim("u", "k", 1, 2, NOW);
        f.keys.answer(
                "u",
                "k",
                new IdempotencyStore.StoredOutcome(1, 2, IdempotencyStore.Kind.RESERVED, ReservationId.newId()));
        assertThat(service.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.ProductNotFound(true));
    }

    @Test
    void givenKeyClaimedConcurrently_reserve_replaysTheWinner() {
        // The winner committed between our look-up and our claim: the strategy answers "already claimed".
        Reservation winner = Reservation.hold(ReservationId.newId(), 1, "u", Quantity.of(2), NOW, TTL);
        f.reservations.store(winner);
        ReservationStrategy lostClaim = request -> {
            f.keys.claim("u", "k", 1, 2, NOW);
            f.keys.answer(
                    "u", "k", new IdempotencyStore.StoredOutcome(1, 2, IdempotencyStore.Kind.RESERVED, winner.id()));
            return new ReservationStrategy.KeyAlreadyClaimed();
        };
        var svc = new ReserveStockService(lostClaim, f.keys, f.reservations, f.settings, blocking);
        assertThat(svc.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.Reserved(winner, true));
    }

    @Test
    void givenKeyClaimedButNotReadableYet_reserve_isOverloaded() {
        ReservationStrategy lostClaim = request -> new ReservationStrategy.KeyAlreadyClaimed();
        var svc = new ReserveStockService(lostClaim, f.keys, f.reservations, f.settings, blocking);
        assertThat(svc.reserve(new Command(1, Quantity.of(2), "u", "k")))
                .isEqualTo(new ReserveStockUseCase.Overloaded(ReserveStockService.REPLAY_NOT_READY_RETRY_AFTER));
        assertThatThrownBy(() -> svc.reserve(new Command(1, Quantity.of(2), "u", null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenSaturatedStrategy_reserve_isOverloadedWithItsRetryAfter() {
        ReservationStrategy saturated = request -> new ReservationStrategy.Overloaded(Duration.ofSeconds(3));
        var svc = new ReserveStockService(saturated, f.keys, f.reservations, f.settings, blocking);
        var result = svc.reserve(new Command(1, Quantity.of(1), "u", null));
        assertThat(result).isEqualTo(new ReserveStockUseCase.Overloaded(Duration.ofSeconds(3)));
        assertThat(result.replayed()).isFalse();
    }

    /** A strategy that answers later, as the batched one does. */
    static final class LaterStrategy implements ReservationStrategy {
        final CompletableFuture<Outcome> answer = new CompletableFuture<>();
        Request seen;

        @Override
        public Outcome reserve(Request request) {
            throw new AssertionError("the synchronous path must not be used");
        }

        @Override
        public boolean completesAsynchronously() {
            return true;
        }

        @Override
        public CompletionStage<Outcome> reserveAsync(Request request) {
            seen = request;
            return answer;
        }
    }

    @Test
    void givenAsyncStrategyAndNoKey_reserveAsync_blocksNoThread_andMapsTheLaterOutcome() {
        LaterStrategy later = new LaterStrategy();
        var svc = new ReserveStockService(later, f.keys, f.reservations, f.settings, blocking);
        CompletableFuture<ReserveStockUseCase.Result> result =
                svc.reserveAsync(new Command(4, Quantity.of(3), "u", null)).toCompletableFuture();
        assertThat(result).isNotDone();
        assertThat(blockingWork).isEmpty();
        assertThat(later.seen.productId()).isEqualTo(4);
        assertThat(later.seen.quantity()).isEqualTo(Quantity.of(3));
        assertThat(later.seen.ttl()).isEqualTo(TTL);
        later.answer.complete(new ReservationStrategy.InsufficientStock());
        assertThat(result.join()).isEqualTo(new ReserveStockUseCase.InsufficientStock(false));
    }

    @Test
    void givenAsyncStrategyFailing_reserveAsync_failsWithTheSameCause() {
        LaterStrategy later = new LaterStrategy();
        var svc = new ReserveStockService(later, f.keys, f.reservations, f.settings, blocking);
        var result = svc.reserveAsync(new Command(4, Quantity.of(3), "u", null)).toCompletableFuture();
        IllegalStateException failure = new IllegalStateException("store down");
        later.answer.completeExceptionally(failure);
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCause(failure);
    }

    @Test
    void givenKey_reserveAsync_runsOnTheBlockingExecutor() {
        f.stock.given(1, 5);
        var result = service.reserveAsync(new Command(1, Quantity.of(2), "u", "k"))
                .toCompletableFuture()
                .join();
        assertThat(result).isInstanceOf(ReserveStockUseCase.Reserved.class);
        assertThat(blockingWork).hasSize(1);
    }

    @Test
    void givenSynchronousStrategy_reserveAsync_runsOnTheBlockingExecutor() {
        f.stock.given(1, 5);
        var result = service.reserveAsync(new Command(1, Quantity.of(2), "u", null))
                .toCompletableFuture()
                .join();
        assertThat(result).isInstanceOf(ReserveStockUseCase.Reserved.class);
        assertThat(blockingWork).hasSize(1);
    }

    @Test
    void givenSaturatedBlockingExecutor_reserveAsync_isOverloadedAtOnce_andNothingIsReservedOrClaimed() {
        f.stock.given(1, 5);
        Executor saturated = task -> {
            throw new RejectedExecutionException("full");
        };
        var refusing = new ReserveStockService(f.strategy, f.keys, f.reservations, f.settings, saturated);

        for (String key : new String[] {"k", null}) {
            var result = refusing.reserveAsync(new Command(1, Quantity.of(2), "u", key))
                    .toCompletableFuture()
                    .getNow(null);
            assertThat(result)
                    .isEqualTo(new ReserveStockUseCase.Overloaded(ReserveStockService.OVERLOADED_RETRY_AFTER));
        }
        assertThat(f.strategy.calls()).isZero();
        assertThat(f.keys.find("u", "k")).isEmpty();
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 5, 0));
    }

    @Test
    void givenRequestThatWaitedLongerThanMaxQueueTime_reserveAsync_isOverloaded_andNothingIsReserved() {
        f.stock.given(1, 5);
        Duration maxQueueTime = Duration.ofMillis(1);
        var settings = new StockSettings(TTL, 2, Duration.ofHours(24), maxQueueTime);
        List<Runnable> queued = new ArrayList<>();
        var late = new ReserveStockService(f.strategy, f.keys, f.reservations, settings, queued::add);

        var future = late.reserveAsync(new Command(1, Quantity.of(2), "u", "k")).toCompletableFuture();
        long waitedFrom = System.nanoTime();
        while (System.nanoTime() - waitedFrom <= 2 * maxQueueTime.toNanos()) {
            Thread.onSpinWait(); // the request sits in the executor's queue past its max queue time
        }
        queued.forEach(Runnable::run);

        assertThat(future.join())
                .isEqualTo(new ReserveStockUseCase.Overloaded(ReserveStockService.OVERLOADED_RETRY_AFTER));
        assertThat(f.strategy.calls()).isZero();
        assertThat(f.stock.stored(1)).isEqualTo(new StockLevel(1, 5, 0));
    }

    @Test
    void commandRules() {
        assertThat(Command.isValidKey("abc-123 ~!")).isTrue();
        assertThat(Command.isValidKey("")).isFalse();
        assertThat(Command.isValidKey("x".repeat(129))).isFalse();
        assertThat(Command.isValidKey("x".repeat(128))).isTrue();
        assertThat(Command.isValidKey("tab\t")).isFalse();
        assertThat(Command.isValidKey("é")).isFalse();
        assertThat(Command.isValidKey(" ")).isTrue();
        assertThat(Command.isValidKey("~")).isTrue();
        assertThat(Command.isValidKey("\u007f")).isFalse();
        assertThat(Command.isValidKey("\u001f")).isFalse();
        assertThatThrownBy(() -> new Command(0, Quantity.of(1), "u", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, Quantity.of(1), "", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, Quantity.of(1), "u".repeat(65), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command(1, Quantity.of(1), "u", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Command(1, Quantity.of(1), "u".repeat(64), "k").ownerId())
                .hasSize(64);
    }

    @Test
    void storedOutcomeRules() {
        var kind = IdempotencyStore.Kind.RESERVED;
        assertThatThrownBy(() -> new IdempotencyStore.StoredOutcome(1, 1, kind, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyStore.StoredOutcome(
                        1, 1, IdempotencyStore.Kind.PRODUCT_NOT_FOUND, ReservationId.newId()))
                .isInstanceOf(IllegalArgumentException.class);
        var stored = new IdempotencyStore.StoredOutcome(1, 2, IdempotencyStore.Kind.INSUFFICIENT_STOCK, null);
        assertThat(stored.sameRequest(1, 2)).isTrue();
        assertThat(stored.sameRequest(1, 3)).isFalse();
        assertThat(stored.sameRequest(2, 2)).isFalse();
    }
}
