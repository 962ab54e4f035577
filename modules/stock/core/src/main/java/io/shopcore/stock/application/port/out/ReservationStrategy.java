package io.shopcore.stock.application.port.out;

import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import io.shopcore.stock.domain.ReservationId;
import java.time.Duration;
import java.util.Objects;

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
    default java.util.concurrent.CompletionStage<Outcome> reserveAsync(Request request) {
        return java.util.concurrent.CompletableFuture.completedFuture(reserve(request));
    }

    /**
     * @param idempotencyKey null, or a key to claim for {@code ownerId} in the same transaction
     * @param ttl            how long the reservation holds, from the moment it is written
     */
    record Request(ReservationId id, long productId, Quantity quantity, String ownerId, String idempotencyKey,
                   Duration ttl) {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    sealed interface Outcome {}

    record Reserved(Reservation reservation) implements Outcome {}

    record InsufficientStock() implements Outcome {}

    /** Unknown or retired product. */
    record ProductNotFound() implements Outcome {}

    /** The idempotency key was claimed by another request first; nothing was written by this one. */
    record KeyAlreadyClaimed() implements Outcome {}

    /** The adapter is saturated; nothing was written. */
    record Overloaded(Duration retryAfter) implements Outcome {}
}
