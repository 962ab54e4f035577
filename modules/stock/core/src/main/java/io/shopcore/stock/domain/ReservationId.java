package io.shopcore.stock.domain;

import java.util.Objects;
import java.util.UUID;

/** A reservation's identity, made here (not by the database) so it is known before the insert. */
public record ReservationId(UUID value) {

    public ReservationId {
        Objects.requireNonNull(value, "value");
    }

    public static ReservationId newId() {
        return new ReservationId(UUID.randomUUID());
    }

    public static ReservationId of(UUID value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
