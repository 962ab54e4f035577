package io.shopcore.stock.domain;

/** A reservation's life: HELD, then exactly one of CONFIRMED, RELEASED or EXPIRED, which are final. */
public enum ReservationStatus {
    HELD,
    CONFIRMED,
    RELEASED,
    EXPIRED;

    public boolean isFinal() {
        return this != HELD;
    }

    /** Whether a reservation in this status may move to {@code next}. */
    public boolean canBecome(ReservationStatus next) {
        return this == HELD && next != HELD;
    }
}
