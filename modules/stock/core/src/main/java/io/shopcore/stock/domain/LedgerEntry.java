package io.shopcore.stock.domain;

import java.time.Instant;
import java.util.Objects;

/** One change of a product's stock. {@code quantity} is signed for ADJUST, positive otherwise. */
public record LedgerEntry(long id, long productId, LedgerType type, int quantity, ReservationId reservationId,
                          String reason, Instant createdAt) {

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (type != LedgerType.ADJUST && quantity <= 0) {
            throw new IllegalArgumentException(type + " entries carry a positive quantity");
        }
        if (type != LedgerType.ADJUST && reservationId == null) {
            throw new IllegalArgumentException(type + " entries name their reservation");
        }
    }
}
