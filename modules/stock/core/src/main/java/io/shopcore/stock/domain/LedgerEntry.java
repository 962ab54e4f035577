package io.shopcore.stock.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a product's stock. {@code quantity} is signed for ADJUST, positive otherwise.
 * New entries are made with {@link #adjustment} or {@link #forReservation} and carry no id yet
 * ({@link #UNNUMBERED}): the ledger numbers them when it stores them; {@link #reconstitute} rebuilds a
 * stored one.
 */
public record LedgerEntry(
        long id,
        long productId,
        LedgerType type,
        int quantity,
        ReservationId reservationId,
        String reason,
        Instant createdAt) {

    /** The id of an entry the ledger has not stored (and numbered) yet. */
    public static final long UNNUMBERED = 0;

    public LedgerEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (type != LedgerType.ADJUST && quantity <= 0) {
            throw new IllegalArgumentException(type + " entries carry a positive quantity");
        }
        if (type != LedgerType.ADJUST && reservationId == null) {
            throw new IllegalArgumentException(type + " entries name their reservation");
        }
        if (type == LedgerType.ADJUST && reservationId != null) {
            throw new IllegalArgumentException("ADJUST entries belong to no reservation");
        }
    }

    /** An admin's (or the catalog's initial) change of {@code productId}'s total by {@code delta}. */
    public static LedgerEntry adjustment(long productId, int delta, String reason, Instant at) {
        return new LedgerEntry(UNNUMBERED, productId, LedgerType.ADJUST, delta, null, reason, at);
    }

    /** What happened to {@code reservation}'s whole quantity: RESERVE, CONFIRM, RELEASE or EXPIRE. */
    public static LedgerEntry forReservation(Reservation reservation, LedgerType type, Instant at) {
        return new LedgerEntry(
                UNNUMBERED,
                reservation.productId(),
                type,
                reservation.quantity().value(),
                reservation.id(),
                null,
                at);
    }

    /** A stored entry, as read back from the ledger. */
    public static LedgerEntry reconstitute(
            long id,
            long productId,
            LedgerType type,
            int quantity,
            ReservationId reservationId,
            String reason,
            Instant createdAt) {
        return new LedgerEntry(id, productId, type, quantity, reservationId, reason, createdAt);
    }
}
