package io.shopcore.infrastructure.capacity;

import java.time.Duration;
import java.util.Objects;

/**
 * The one way any layer outside the HTTP edge says "this resource is saturated (a full queue, no
 * hashing permit within the bounded wait); the request was refused before it did anything". It carries
 * no HTTP or problem types, so outbound adapters may throw it: the inbound side maps it once to 503
 * {@code unavailable} with {@code Retry-After}. Whoever throws it guarantees that nothing was written.
 */
public class OverloadedException extends RuntimeException {

    /** A short default: a saturated queue or permit gate drains within a second or two. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String resource;
    private final Duration retryAfter;

    public OverloadedException(String resource, String message) {
        this(resource, message, DEFAULT_RETRY_AFTER);
    }

    public OverloadedException(String resource, String message, Duration retryAfter) {
        super(resource + ": " + message, null, false, false);
        this.resource = Objects.requireNonNull(resource, "resource");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Which resource is saturated (e.g. {@code password-hashing}): for logs and metrics, never for clients. */
    public String resource() {
        return resource;
    }

    /** How long a client should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
