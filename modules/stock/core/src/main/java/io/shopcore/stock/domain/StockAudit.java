package io.shopcore.stock.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The stock invariants, checked against what the database holds for one product: its level, the
 * sum of its HELD reservations, and the replay of its ledger.
 */
public final class StockAudit {

    private StockAudit() {}

    /** What was measured for one product, in one consistent snapshot. */
    public record Figures(
            long productId, long total, long reserved, long heldSum, long ledgerTotal, long ledgerReserved) {}

    public record Violation(long productId, String rule, String detail) {}

    public static List<Violation> check(Figures f) {
        List<Violation> out = new ArrayList<>();
        if (f.reserved() < 0 || f.reserved() > f.total()) {
            out.add(new Violation(
                    f.productId(),
                    "reserved_in_range",
                    "need 0 <= reserved <= total, have reserved=" + f.reserved() + " total=" + f.total()));
        }
        if (f.reserved() != f.heldSum()) {
            out.add(new Violation(
                    f.productId(),
                    "reserved_equals_held",
                    "reserved=" + f.reserved() + " but HELD reservations sum to " + f.heldSum()));
        }
        if (f.total() != f.ledgerTotal()) {
            out.add(new Violation(
                    f.productId(),
                    "ledger_total",
                    "total=" + f.total() + " but the ledger replays to " + f.ledgerTotal()));
        }
        if (f.reserved() != f.ledgerReserved()) {
            out.add(new Violation(
                    f.productId(),
                    "ledger_reserved",
                    "reserved=" + f.reserved() + " but the ledger replays to " + f.ledgerReserved()));
        }
        return out;
    }
}
