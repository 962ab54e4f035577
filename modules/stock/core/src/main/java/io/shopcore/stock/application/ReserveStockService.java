package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.IdempotencyStore.StoredOutcome;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.ReservationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reserves through the configured {@link ReservationStrategy}. Deliberately not
 * {@code @Transactional}: the strategy owns its (short) database transaction, because how that
 * transaction is shaped is exactly what the strategies differ in.
 */
@ApplicationScoped
public class ReserveStockService implements ReserveStockUseCase {

    /**
     * The CDI name of the executor for work that blocks. The adapters produce a bounded one (fixed
     * threads, fixed queue) that throws {@link RejectedExecutionException} when saturated: that
     * reservation is answered {@link Overloaded} at once, and nothing is written.
     */
    public static final String BLOCKING_EXECUTOR = "stock-blocking";

    /** When the blocking executor is saturated or a request waited too long for it. */
    static final Duration OVERLOADED_RETRY_AFTER = Duration.ofSeconds(1);

    /** When a lost key claim cannot be replayed yet (the winner's answer is not readable): retry soon. */
    static final Duration REPLAY_NOT_READY_RETRY_AFTER = Duration.ofSeconds(1);

    private final ReservationStrategy strategy;
    private final IdempotencyStore idempotency;
    private final ReservationRepository reservations;
    private final StockSettings settings;
    private final Executor blocking;

    public ReserveStockService(
            ReservationStrategy strategy,
            IdempotencyStore idempotency,
            ReservationRepository reservations,
            StockSettings settings,
            @Named(BLOCKING_EXECUTOR) Executor blocking) {
        this.strategy = strategy;
        this.idempotency = idempotency;
        this.reservations = reservations;
        this.settings = settings;
        this.blocking = blocking;
    }

    @Override
    public Result reserve(Command command) {
        if (command.idempotencyKey() != null) {
            Optional<Result> earlier = replay(command);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return answer(command, strategy.reserve(request(command)));
    }

    @Override
    public CompletionStage<Result> reserveAsync(Command command) {
        if (command.idempotencyKey() != null || !strategy.completesAsynchronously()) {
            // The same back-pressure as the batched path: a bounded queue in front of a bounded number of
            // threads, refusal at once when it is full, and no late write after a long wait in it.
            long queuedAt = System.nanoTime();
            long maxQueueNanos = settings.blockingMaxQueueTime().toNanos();
            try {
                return CompletableFuture.supplyAsync(
                        () -> System.nanoTime() - queuedAt > maxQueueNanos
                                ? new Overloaded(OVERLOADED_RETRY_AFTER)
                                : reserve(command),
                        blocking);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(new Overloaded(OVERLOADED_RETRY_AFTER));
            }
        }
        // No key: the answer cannot need a (blocking) replay, so it is mapped on the strategy's thread.
        return strategy.reserveAsync(request(command)).thenApply(outcome -> answer(command, outcome));
    }

    /** The one mapping from a strategy's outcome to the use case's result. */
    private Result answer(Command command, ReservationStrategy.Outcome outcome) {
        return switch (outcome) {
            case ReservationStrategy.Reserved r -> new Reserved(r.reservation(), false);
            case ReservationStrategy.InsufficientStock i -> new InsufficientStock(false);
            case ReservationStrategy.ProductNotFound n -> new ProductNotFound(false);
            case ReservationStrategy.Overloaded o -> new Overloaded(o.retryAfter());
            // Another request with the same key won the claim and has committed: answer as it did.
            case ReservationStrategy.KeyAlreadyClaimed c -> {
                if (command.idempotencyKey() == null) {
                    throw new IllegalStateException("a request without an idempotency key cannot lose a key claim");
                }
                yield replay(command).orElseGet(() -> new Overloaded(REPLAY_NOT_READY_RETRY_AFTER));
            }
        };
    }

    private ReservationStrategy.Request request(Command command) {
        return new ReservationStrategy.Request(
                ReservationId.newId(),
                command.productId(),
                command.quantity(),
                command.ownerId(),
                command.idempotencyKey(),
                settings.reservationTtl());
    }

    private Optional<Result> replay(Command command) {
        Optional<StoredOutcome> stored = idempotency.find(command.ownerId(), command.idempotencyKey());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredOutcome s = stored.get();
        if (!s.sameRequest(command.productId(), command.quantity().value())) {
            return Optional.of(new IdempotencyKeyReused());
        }
        return Optional.of(
                switch (s.kind()) {
                    case RESERVED ->
                        reservations
                                .find(s.reservationId())
                                .<Result>map(r -> new Reserved(r.asCreated(), true))
                                .orElseGet(() -> new ProductNotFound(true));
                    case INSUFFICIENT_STOCK -> new InsufficientStock(true);
                    case PRODUCT_NOT_FOUND -> new ProductNotFound(true);
                });
    }
}
