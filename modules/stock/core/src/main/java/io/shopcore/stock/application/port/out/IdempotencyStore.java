package io.shopcore.stock.application.port.out;

import io.shopcore.stock.domain.ReservationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers (owner, idempotency key) with the request it first came with and the answer it got.
 * Keys are claimed by the {@link ReservationStrategy} in the reservation's own transaction.
 */
public interface IdempotencyStore {

    Optional<StoredOutcome> find(String ownerId, String key);

    /** Forgets keys created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff);

    enum Kind { RESERVED, INSUFFICIENT_STOCK, PRODUCT_NOT_FOUND }

    /** @param reservationId set when {@code kind} is RESERVED */
    record StoredOutcome(long productId, int quantity, Kind kind, ReservationId reservationId) {

        public boolean sameRequest(long otherProductId, int otherQuantity) {
            return productId == otherProductId && quantity == otherQuantity;
        }
    }
}
