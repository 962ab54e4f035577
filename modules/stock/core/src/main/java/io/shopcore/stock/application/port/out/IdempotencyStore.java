package io.shopcore.stock.application.port.out;

import io.shopcore.stock.domain.ReservationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers (owner, idempotency key) with the request it first came with and the answer it got.
 * Keys are claimed and answered by the {@link ReservationStrategy} in the reservation's own
 * transaction; this port reads them back and forgets old ones.
 */
public interface IdempotencyStore {

    /** The answer stored for the owner's key; empty for an unknown key or one whose claim is still in flight. */
    Optional<StoredOutcome> find(String ownerId, String key);

    /**
     * Forgets at most {@code limit} keys created before {@code cutoff}; returns how many. Safe to run
     * from several instances at once: a key is deleted by exactly one of them (rows another purger is
     * deleting are skipped, not waited for).
     */
    int purgeCreatedBefore(Instant cutoff, int limit);

    enum Kind {
        RESERVED,
        INSUFFICIENT_STOCK,
        PRODUCT_NOT_FOUND
    }

    /** @param reservationId set exactly when {@code kind} is RESERVED */
    record StoredOutcome(long productId, int quantity, Kind kind, ReservationId reservationId) {

        public StoredOutcome {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.RESERVED) != (reservationId != null)) {
                throw new IllegalArgumentException("a reservation id goes with RESERVED and only with it");
            }
        }

        public boolean sameRequest(long otherProductId, int otherQuantity) {
            return productId == otherProductId && quantity == otherQuantity;
        }
    }
}
