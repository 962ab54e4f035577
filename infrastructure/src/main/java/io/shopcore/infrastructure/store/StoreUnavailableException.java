package io.shopcore.infrastructure.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The one way an outbound adapter says "the store behind me cannot answer now" (database
 * unreachable, pool exhausted, statement or lock timeout, serialization failure). It carries no
 * HTTP or problem types: the inbound side maps it once to 503 {@code unavailable} with
 * {@code Retry-After}. Whoever throws it guarantees that nothing was half-written (the
 * transaction rolled back or never started).
 */
public class StoreUnavailableException extends RuntimeException {

    /** A short default: a pool wait or a failover is usually over within a second or two. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String store;
    private final Duration retryAfter;

    public StoreUnavailableException(String store, String message, Throwable cause) {
        this(store, message, DEFAULT_RETRY_AFTER, cause);
    }

    public StoreUnavailableException(String store, String message, Duration retryAfter, Throwable cause) {
        super(store + ": " + message, cause);
        this.store = Objects.requireNonNull(store, "store");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Which store failed (e.g. {@code stock}, {@code catalog}): for logs and metrics, never for clients. */
    public String store() {
        return store;
    }

    /** How long a client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
