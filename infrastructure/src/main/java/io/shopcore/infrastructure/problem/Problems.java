package io.shopcore.infrastructure.problem;

import io.shopcore.infrastructure.observability.ProblemMetrics;
import io.shopcore.infrastructure.observability.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** Builds problem+json responses; the one place that knows how a problem goes on the wire. */
public final class Problems {

    private Problems() {}

    public static Response response(Problem problem) {
        return response(problem, null);
    }

    public static Response response(Problem problem, Duration retryAfter) {
        Problem sent = onTheWire(problem);
        Response.ResponseBuilder builder =
                Response.status(sent.status()).type(Problem.MEDIA_TYPE).entity(sent);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return builder.build();
    }

    /** Every rendered problem is counted by code and carries the request id (observability). */
    private static Problem onTheWire(Problem problem) {
        ProblemMetrics.rendered(problem.code());
        String requestId = RequestIds.current();
        return requestId == null || problem.requestId() != null ? problem : problem.withRequestId(requestId);
    }

    public static Response of(ProblemCode code, String detail) {
        return response(Problem.of(code, detail));
    }

    public static Response notFound(String detail) {
        return of(ProblemCode.NOT_FOUND, detail);
    }

    /** 400 {@code malformed_request}: the body is not a JSON document this request can read. */
    public static Response malformed(String detail) {
        return of(ProblemCode.MALFORMED_REQUEST, detail);
    }

    public static Response invalid(String field, String message) {
        return response(Problem.validation(List.of(new FieldError(field, message))));
    }
}
