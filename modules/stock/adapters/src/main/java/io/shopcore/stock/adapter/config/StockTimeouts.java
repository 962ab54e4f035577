package io.shopcore.stock.adapter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The time limits of a reservation, checked against each other at start-up so that a client is never
 * answered 503 for a reservation that then commits (a slow database, a row lock held for long):
 * <ul>
 *   <li>every reservation statement carries a JDBC query timeout of {@code statementTimeout}: PostgreSQL
 *       cancels it (SQLState 57014), the transaction rolls back, and only then does the client hear 503;</li>
 *   <li>the JDBC {@code socketTimeout} (when the driver stops listening and the outcome becomes unknown)
 *       must be longer than {@code statementTimeout} plus {@link #CANCEL_MARGIN}, so the server's
 *       decision always arrives first;</li>
 *   <li>a batched reservation's caller waits {@link #batchAnswerTimeout()}: the longest time in the queue,
 *       plus the pool wait, plus every statement of the batch transaction at its timeout, plus the commit
 *       (bounded by the socket timeout). A writer always answers before that; the deadline is only a
 *       safety net and cannot fire while the batch can still commit.</li>
 * </ul>
 */
public record StockTimeouts(
        Duration statementTimeout, Duration acquisitionTimeout, Duration socketTimeout, Duration batchMaxQueueTime) {

    /** Statements one batch transaction runs (claim keys, lock rows, write, record answers). */
    public static final int BATCH_STATEMENTS = 4;

    /** Time allowed for a cancel to reach PostgreSQL and its error to come back. */
    public static final Duration CANCEL_MARGIN = Duration.ofSeconds(1);

    public StockTimeouts {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(acquisitionTimeout, "acquisitionTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(batchMaxQueueTime, "batchMaxQueueTime");
    }

    /**
     * The limits, or {@link IllegalStateException} naming the settings to change when they are
     * inconsistent (start-up then fails).
     */
    public static StockTimeouts validated(
            Duration statementTimeout,
            Duration acquisitionTimeout,
            Duration socketTimeout,
            Duration batchMaxQueueTime) {
        var t = new StockTimeouts(statementTimeout, acquisitionTimeout, socketTimeout, batchMaxQueueTime);
        if (statementTimeout.compareTo(Duration.ofSeconds(1)) < 0 || statementTimeout.toMillis() % 1000 != 0) {
            throw new IllegalStateException("shopcore.stock.statement-timeout must be whole seconds, at least 1s (is "
                    + statementTimeout + "): it is a JDBC query timeout");
        }
        if (socketTimeout.isZero() || socketTimeout.isNegative()) {
            throw new IllegalStateException(
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout must be set"
                            + " (seconds): without it a batched reservation has no bounded answer time");
        }
        if (socketTimeout.compareTo(statementTimeout.plus(CANCEL_MARGIN)) < 0) {
            throw new IllegalStateException("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout ("
                    + socketTimeout.toSeconds() + "s) must be at least shopcore.stock.statement-timeout ("
                    + statementTimeout.toSeconds() + "s) + " + CANCEL_MARGIN.toSeconds()
                    + "s: otherwise the driver gives up (503) while PostgreSQL may still commit the reservation");
        }
        if (acquisitionTimeout.isNegative() || acquisitionTimeout.isZero()) {
            throw new IllegalStateException("quarkus.datasource.jdbc.acquisition-timeout must be positive:"
                    + " a reservation must not wait for a pooled connection forever");
        }
        return t;
    }

    public int statementTimeoutSeconds() {
        return Math.toIntExact(statementTimeout.toSeconds());
    }

    /** How long a batched reservation's caller waits for the writer's answer (see the class comment). */
    public Duration batchAnswerTimeout() {
        return batchMaxQueueTime
                .plus(acquisitionTimeout)
                .plus(statementTimeout.plus(CANCEL_MARGIN).multipliedBy(BATCH_STATEMENTS))
                .plus(socketTimeout)
                .plus(CANCEL_MARGIN);
    }
}
