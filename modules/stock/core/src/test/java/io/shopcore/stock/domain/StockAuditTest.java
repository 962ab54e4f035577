package io.shopcore.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockAuditTest {

    @Test
    void givenConsistentFigures_check_findsNothing() {
        assertThat(StockAudit.check(new StockAudit.Figures(1, 10, 4, 4, 10, 4))).isEmpty();
    }

    @Test
    void givenEveryRuleBroken_check_reportsEach() {
        var v = StockAudit.check(new StockAudit.Figures(1, 10, 11, 3, 9, 2));
        assertThat(v)
                .extracting(StockAudit.Violation::rule)
                .containsExactlyInAnyOrder(
                        "reserved_in_range", "reserved_equals_held", "ledger_total", "ledger_reserved");
    }

    @Test
    void ledgerTypes_replayAsDocumented() {
        // ADJUST +10, RESERVE 4, CONFIRM 1, RELEASE 1, EXPIRE 1 -> total 9, reserved 1
        long total = LedgerType.ADJUST.totalEffect(10)
                + LedgerType.RESERVE.totalEffect(4)
                + LedgerType.CONFIRM.totalEffect(1)
                + LedgerType.RELEASE.totalEffect(1)
                + LedgerType.EXPIRE.totalEffect(1);
        long reserved = LedgerType.ADJUST.reservedEffect(10)
                + LedgerType.RESERVE.reservedEffect(4)
                + LedgerType.CONFIRM.reservedEffect(1)
                + LedgerType.RELEASE.reservedEffect(1)
                + LedgerType.EXPIRE.reservedEffect(1);
        assertThat(total).isEqualTo(9);
        assertThat(reserved).isEqualTo(1);
    }
}
