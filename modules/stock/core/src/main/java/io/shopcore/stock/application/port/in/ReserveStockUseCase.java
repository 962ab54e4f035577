package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.Quantity;
import io.shopcore.stock.domain.Reservation;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Holds units of a product for the caller, never more than are available. */
public interface ReserveStockUseCase {

    Result reserve(Command command);

    /**
     * The same use case without holding the caller's thread: where the strategy allows it (batched,
     * no idempotency key) the answer comes when the batch commits; anything that must block
     * (idempotency look-ups, synchronous strategies) runs on the implementation's own worker threads.
     * Lets an HTTP endpoint answer from the event loop. Never blocks the calling thread.
     */
    CompletionStage<Result> reserveAsync(Command command);

    /**
     * @param idempotencyKey optional (null): the same owner repeating a key with the same product and
     *                       quantity gets the first answer again, and stock is reserved at most once
     */
    record Command(long productId, Quantity quantity, String ownerId, String idempotencyKey) {

        public static final int MAX_KEY_LENGTH = 128;
        public static final int MAX_OWNER_LENGTH = 64;

        public Command {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(ownerId, "ownerId");
            if (productId <= 0) {
                throw new IllegalArgumentException("productId must be positive");
            }
            if (ownerId.isEmpty() || ownerId.length() > MAX_OWNER_LENGTH) {
                throw new IllegalArgumentException("ownerId must be 1.." + MAX_OWNER_LENGTH + " characters");
            }
            if (idempotencyKey != null && !isValidKey(idempotencyKey)) {
                throw new IllegalArgumentException(
                        "idempotency key must be 1.." + MAX_KEY_LENGTH + " printable characters");
            }
        }

        /** 1..128 printable ASCII characters (space through tilde). */
        public static boolean isValidKey(String key) {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return false;
                }
            }
            return true;
        }
    }

    sealed interface Result {
        /** {@code replayed}: the answer repeats an earlier request with the same idempotency key. */
        boolean replayed();
    }

    record Reserved(Reservation reservation, boolean replayed) implements Result {}

    record InsufficientStock(boolean replayed) implements Result {}

    /** Unknown or retired product. */
    record ProductNotFound(boolean replayed) implements Result {}

    /** The key was used before by this owner for a different product or quantity. */
    record IdempotencyKeyReused() implements Result {
        @Override
        public boolean replayed() {
            return false;
        }
    }

    /** Too many requests are waiting; nothing was reserved. Try again after {@code retryAfter}. */
    record Overloaded(Duration retryAfter) implements Result {
        @Override
        public boolean replayed() {
            return false;
        }
    }
}
