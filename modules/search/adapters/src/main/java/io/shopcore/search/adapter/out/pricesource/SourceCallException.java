package io.shopcore.search.adapter.out.pricesource;

import io.shopcore.search.application.port.out.PriceSource.Failure;
import java.time.Duration;

/**
 * One failed attempt to ask a source, classified: whether the retry may try again (5xx, timeouts only)
 * and whether the circuit breaker counts it (everything but 429 and the search's deadline).
 */
final class SourceCallException extends RuntimeException {

    private final Failure reason;
    private final Duration retryAfter;

    SourceCallException(Failure reason, String detail) {
        this(reason, detail, null, null);
    }

    SourceCallException(Failure reason, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    Failure reason() {
        return reason;
    }

    /** For a 429: how long the source asked us to wait. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean retryable() {
        return reason == Failure.SERVER_ERROR || reason == Failure.TIMEOUT;
    }

    boolean countsForBreaker() {
        return reason != Failure.RATE_LIMITED && reason != Failure.DEADLINE;
    }
}
