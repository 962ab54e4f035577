package io.shopcore.stock.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check that keeps "503" meaning "rolled back" for a reservation on a slow database. */
class StockTimeoutsTest {

    static final Duration S = Duration.ofSeconds(1);

    @Test
    void givenTheShippedDefaults_validated_accepts_andTheBatchedCallerWaitsLongerThanABatchCanTake() {
        var t = StockTimeouts.validated(S.multipliedBy(5), S.multipliedBy(5), S.multipliedBy(30), S.multipliedBy(3));
        assertThat(t.statementTimeoutSeconds()).isEqualTo(5);
        // queue 3 s + pool wait 5 s + 4 statements x (5 s + cancel 1 s) + commit within the socket timeout 30 s
        Duration longestBatch = S.multipliedBy(3)
                .plus(S.multipliedBy(5))
                .plus(S.multipliedBy(6).multipliedBy(StockTimeouts.BATCH_STATEMENTS))
                .plus(S.multipliedBy(30));
        assertThat(t.batchAnswerTimeout()).isGreaterThan(longestBatch);
    }

    @Test
    void givenSocketTimeoutNotLongerThanTheStatementTimeout_validated_failsStartUp() {
        assertThatThrownBy(() -> StockTimeouts.validated(S.multipliedBy(5), S, S.multipliedBy(5), S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socketTimeout")
                .hasMessageContaining("statement-timeout");
        assertThatThrownBy(() -> StockTimeouts.validated(S.multipliedBy(5), S, Duration.ZERO, S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socketTimeout");
    }

    @Test
    void givenStatementTimeoutNotInWholeSeconds_validated_failsStartUp() {
        assertThatThrownBy(() -> StockTimeouts.validated(Duration.ofMillis(500), S, S.multipliedBy(30), S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("statement-timeout");
        assertThatThrownBy(() -> StockTimeouts.validated(Duration.ofMillis(1500), S, S.multipliedBy(30), S))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenNoPoolWaitLimit_validated_failsStartUp() {
        assertThatThrownBy(() -> StockTimeouts.validated(S, Duration.ZERO, S.multipliedBy(30), S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acquisition-timeout");
    }
}
