package io.shopcore.stock.domain;

/** What a ledger entry records, and how it moves total and reserved when the ledger is replayed. */
public enum LedgerType {
    /** quantity is the signed change of total. */
    ADJUST(1, 0),
    RESERVE(0, 1),
    CONFIRM(-1, -1),
    RELEASE(0, -1),
    EXPIRE(0, -1);

    private final int totalSign;
    private final int reservedSign;

    LedgerType(int totalSign, int reservedSign) {
        this.totalSign = totalSign;
        this.reservedSign = reservedSign;
    }

    public long totalEffect(int quantity) {
        return (long) totalSign * quantity;
    }

    public long reservedEffect(int quantity) {
        return (long) reservedSign * quantity;
    }

    /** The entry that records a HELD reservation reaching {@code status} (CONFIRMED, RELEASED or EXPIRED). */
    public static LedgerType endingHoldAs(ReservationStatus status) {
        return switch (status) {
            case CONFIRMED -> CONFIRM;
            case RELEASED -> RELEASE;
            case EXPIRED -> EXPIRE;
            case HELD -> throw new IllegalArgumentException("HELD does not end a hold");
        };
    }
}
