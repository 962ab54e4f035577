package io.shopcore.stock.application.port.out;

import io.shopcore.stock.application.port.out.IdempotencyStore.Kind;
import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes a reservation atomically: the stock row's reserved count, the HELD reservation, its
 * RESERVE ledger entry and (with a key) the idempotency record, all in one transaction that the
 * adapter owns, or nothing at all. Adapters (pessimistic, atomic, batched) differ only in speed;
 * the database row lock is the arbiter, so several service instances may run at once.
 */
public interface ReservationStrategy {

    Outcome reserve(Request request);

    /**
     * True when {@link #reserveAsync} answers without blocking the calling thread (the batched
     * adapter: the request is queued and the future completes after the batch commits). Synchronous
     * adapters keep the default and are called on a worker thread instead.
     */
    default boolean completesAsynchronously() {
        return false;
    }

    /** The same as {@link #reserve}, answered through a future; must not block when {@link #completesAsynchronously()}. */
    default CompletionStage<Outcome> reserveAsync(Request request) {
        return CompletableFuture.completedFuture(reserve(request));
    }

    /**
     * @param idempotencyKey null, or a key to claim for {@code ownerId} in the same transaction
     * @param ttl            how long the reservation holds, from the moment it is written
     */
    record Request(
            ReservationId id, long productId, Quantity quantity, String ownerId, String idempotencyKey, Duration ttl) {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    sealed interface Outcome {}

    /**
     * An outcome the request's own transaction decided and committed: the answer an idempotency key
     * remembers ({@link #kind()}) and replays.
     */
    sealed interface Decided extends Outcome {
        Kind kind();
    }

    record Reserved(Reservation reservation) implements Decided {
        public Reserved {
            Objects.requireNonNull(reservation, "reservation");
        }

        @Override
        public Kind kind() {
            return Kind.RESERVED;
        }
    }

    record InsufficientStock() implements Decided {
        @Override
        public Kind kind() {
            return Kind.INSUFFICIENT_STOCK;
        }
    }

    /** Unknown or retired product. */
    record ProductNotFound() implements Decided {
        @Override
        public Kind kind() {
            return Kind.PRODUCT_NOT_FOUND;
        }
    }

    /** The idempotency key was claimed by another request first; nothing was written by this one. */
    record KeyAlreadyClaimed() implements Outcome {}

    /** The adapter is saturated; nothing was written. */
    record Overloaded(Duration retryAfter) implements Outcome {}
}
