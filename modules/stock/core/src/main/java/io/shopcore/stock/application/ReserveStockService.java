package io.shopcore.stock.application;

import io.shopcore.stock.application.port.in.ReserveStockUseCase;
import io.shopcore.stock.application.port.out.IdempotencyStore;
import io.shopcore.stock.application.port.out.IdempotencyStore.StoredOutcome;
import io.shopcore.stock.application.port.out.ReservationRepository;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import io.shopcore.stock.domain.ReservationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Reserves through the configured {@link ReservationStrategy}. Deliberately not
 * {@code @Transactional}: the strategy owns its (short) database transaction, because how that
 * transaction is shaped is exactly what the strategies differ in.
 */
@ApplicationScoped
public class ReserveStockService implements ReserveStockUseCase {

    private final ReservationStrategy strategy;
    private final IdempotencyStore idempotency;
    private final ReservationRepository reservations;
    private final StockSettings settings;

    public ReserveStockService(ReservationStrategy strategy, IdempotencyStore idempotency,
                               ReservationRepository reservations, StockSettings settings) {
        this.strategy = strategy;
        this.idempotency = idempotency;
        this.reservations = reservations;
        this.settings = settings;
    }

    @Override
    public Result reserve(Command command) {
        String key = command.idempotencyKey();
        if (key != null) {
            Optional<Result> earlier = replay(command);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ReservationStrategy.Outcome outcome = strategy.reserve(request(command));
        return switch (outcome) {
            case ReservationStrategy.Reserved r -> new Reserved(r.reservation(), false);
            case ReservationStrategy.InsufficientStock i -> new InsufficientStock(false);
            case ReservationStrategy.ProductNotFound n -> new ProductNotFound(false);
            case ReservationStrategy.Overloaded o -> new Overloaded(o.retryAfter());
            // Another request with the same key won the claim and has committed: answer as it did.
            case ReservationStrategy.KeyAlreadyClaimed c -> replay(command)
                    .orElseGet(() -> new Overloaded(Duration.ofSeconds(1)));
        };
    }

    @Override
    public CompletionStage<Result> reserveAsync(Command command, Executor blocking) {
        if (command.idempotencyKey() != null || !strategy.completesAsynchronously()) {
            return CompletableFuture.supplyAsync(() -> reserve(command), blocking);
        }
        return strategy.reserveAsync(request(command)).thenApply(outcome -> switch (outcome) {
            case ReservationStrategy.Reserved r -> new Reserved(r.reservation(), false);
            case ReservationStrategy.InsufficientStock i -> new InsufficientStock(false);
            case ReservationStrategy.ProductNotFound n -> new ProductNotFound(false);
            case ReservationStrategy.Overloaded o -> new Overloaded(o.retryAfter());
            case ReservationStrategy.KeyAlreadyClaimed c ->
                    throw new IllegalStateException("a request without an idempotency key cannot lose a key claim");
        });
    }

    private ReservationStrategy.Request request(Command command) {
        return new ReservationStrategy.Request(ReservationId.newId(), command.productId(), command.quantity(),
                command.ownerId(), command.idempotencyKey(), settings.reservationTtl());
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
        return Optional.of(switch (s.kind()) {
            case RESERVED -> reservations.find(s.reservationId())
                    .<Result>map(r -> new Reserved(r.asCreated(), true))
                    .orElseGet(() -> new ProductNotFound(true));
            case INSUFFICIENT_STOCK -> new InsufficientStock(true);
            case PRODUCT_NOT_FOUND -> new ProductNotFound(true);
        });
    }
}
