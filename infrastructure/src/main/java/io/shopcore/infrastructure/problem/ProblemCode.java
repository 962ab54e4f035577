package io.shopcore.infrastructure.problem;

/**
 * The stable machine-readable codes of the API's problem+json answers (DESIGN.md section 3).
 * Clients switch on {@link #code()}; titles are for humans and may change.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Unauthorized"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    USERNAME_TAKEN(409, "Username taken"),
    INSUFFICIENT_STOCK(409, "Insufficient stock"),
    RESERVATION_NOT_HELD(409, "Reservation not held"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A stable, dereferenceable-looking type URI per code (RFC 9457 section 3.1.1). */
    public String type() {
        return "https://shopcore.io/problems/" + code().replace('_', '-');
    }
}
