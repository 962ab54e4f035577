package io.shopcore.stock.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Units of one product held for one user until {@link #expiresAt()}. Immutable: a transition
 * returns the reservation in its new status. The stored status may lag behind time (a HELD
 * reservation past its expiry that the sweeper has not reached yet): {@link #statusAt(Instant)}
 * is what callers must see.
 */
public record Reservation(
        ReservationId id,
        long productId,
        String ownerId,
        Quantity quantity,
        ReservationStatus status,
        Instant expiresAt,
        Instant createdAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (productId <= 0) {
            throw new IllegalArgumentException("productId must be positive");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    /** A new HELD reservation created at {@code now} (millisecond precision, as stored and shown). */
    public static Reservation hold(
            ReservationId id, long productId, String ownerId, Quantity quantity, Instant now, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new Reservation(id, productId, ownerId, quantity, ReservationStatus.HELD, created.plus(ttl), created);
    }

    public static Reservation reconstitute(
            ReservationId id,
            long productId,
            String ownerId,
            int quantity,
            ReservationStatus status,
            Instant expiresAt,
            Instant createdAt) {
        return new Reservation(id, productId, ownerId, new Quantity(quantity), status, expiresAt, createdAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The status as the outside world must see it at {@code now}: HELD past its expiry is EXPIRED. */
    public ReservationStatus statusAt(Instant now) {
        return status == ReservationStatus.HELD && isExpiredAt(now) ? ReservationStatus.EXPIRED : status;
    }

    /** Still holding stock and usable for confirm or release at {@code now}. */
    public boolean isHeldAt(Instant now) {
        return statusAt(now) == ReservationStatus.HELD;
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }

    public Reservation withStatus(ReservationStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("reservation " + id + " cannot go from " + status + " to " + next);
        }
        return new Reservation(id, productId, ownerId, quantity, next, expiresAt, createdAt);
    }

    /** As it looked when created (for idempotent replays, which repeat the original answer). */
    public Reservation asCreated() {
        return new Reservation(id, productId, ownerId, quantity, ReservationStatus.HELD, expiresAt, createdAt);
    }

    /** This reservation with the status shown at {@code now}. */
    public Reservation asSeenAt(Instant now) {
        ReservationStatus shown = statusAt(now);
        return shown == status ? this : new Reservation(id, productId, ownerId, quantity, shown, expiresAt, createdAt);
    }
}
