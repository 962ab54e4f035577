package io.shopcore.infrastructure.observability;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logmanager.MDC;

/**
 * The request id: taken from a well-formed {@code X-Request-Id} or generated, kept in the MDC under
 * {@code requestId} for the request's lifetime. Quarkus' MDC provider stores MDC values in the request's
 * Vert.x duplicated context, so the id follows the request from the event loop to the worker thread that
 * runs a blocking resource method and back, and never leaks into another request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final int MAX_LENGTH = 64;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private RequestIds() {}

    /** A client's id is kept only when it is short and plain: it ends up in logs and headers. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    /** The client's id when well-formed, otherwise a new random one. */
    public static String acceptOrGenerate(String candidate) {
        return isWellFormed(candidate) ? candidate : UUID.randomUUID().toString();
    }

    /** The id of the request being served on this context, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
