package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shopcore.infrastructure.capacity.OverloadedException;
import io.shopcore.infrastructure.store.StoreFailures;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Global exception mappers: every failure leaves as RFC 9457 problem+json with a stable code, and a
 * 5xx never carries internals. Context modules map their own domain exceptions next to their
 * resources; this class covers the framework's failures and is the one place where "the store is
 * unavailable" ({@link StoreUnavailableException}, or any failure {@link StoreFailures} recognises,
 * e.g. a commit that failed outside every adapter) and "this resource is saturated"
 * ({@link OverloadedException}) become 503 {@code unavailable} with Retry-After.
 *
 * <p>Bodies: a body that is not JSON, is missing, or has the wrong top-level shape ({@code []},
 * {@code null}, a string) is {@code malformed_request}; a well-formed body with an unknown field or a
 * field of the wrong type is {@code validation_failed} naming that field by its JSON name.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblemException e) {
        return Problems.response(e.problem(), e.retryAfter());
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return unavailable(e);
    }

    /** Back-pressure (a full queue, no hashing permit in time): nothing was done, retry after the hint. */
    @ServerExceptionMapper
    public Response overloaded(OverloadedException e) {
        // One line, no stack: a flood produces many of these; the resource's metrics carry the signal.
        LOG.debugf("Overloaded, answering 503: %s", e.getMessage());
        return Problems.response(
                Problem.of(ProblemCode.UNAVAILABLE, "The service is busy; try again shortly"), e.retryAfter());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ConstraintViolations::isMissingBody)) {
            return Problems.malformed("A JSON request body is required");
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(ConstraintViolations.fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .collect(Collectors.toCollection(ArrayList::new));
        return Problems.response(Problem.validation(errors));
    }

    /** Overrides Quarkus REST's built-in mapper, which answers with a non-problem body. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return JsonBodyFailures.problem(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problems.of(ProblemCode.NOT_FOUND, "No resource at this path");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response r = Problems.of(ProblemCode.METHOD_NOT_ALLOWED, "Method not allowed on this resource");
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null
                ? r
                : Response.fromResponse(r).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problems.of(ProblemCode.NOT_ACCEPTABLE, "Only application/json is produced");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(ProblemCode.FORBIDDEN, "Your role does not allow this");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, "Request body is too large");
        }
        if (status == 400) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return json(json);
            }
            // Quarkus REST's JSON reader reports unreadable bodies (syntax errors, null, wrong top-level type) this
            // way.
            return Problems.malformed("The request body is not a valid JSON document for this request");
        }
        if (status < 500) {
            // Other 4xx raised by the framework: keep the status, answer in problem+json.
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Client error" : type.getReasonPhrase();
            return Problems.response(new Problem("about:blank", title, status, title, "client_error", null, null));
        }
        return unexpected(e);
    }

    /**
     * The last line: failures that escaped every adapter (a commit that failed in the transaction
     * interceptor, a stray JDBC exception) are still answered 503 when they mean the store is
     * unavailable; everything else is a 500 without internals.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (StoreFailures.isUnavailable(e)) {
            return unavailable(e);
        }
        return internal(e);
    }

    private static Response unavailable(Throwable e) {
        // One line, no stack: an outage produces many of these; readiness and metrics carry the signal.
        LOG.warnf("Store unavailable, answering 503: %s", summary(e));
        Duration retryAfter = e instanceof StoreUnavailableException s
                ? s.retryAfter()
                : StoreUnavailableException.DEFAULT_RETRY_AFTER;
        return Problems.response(
                Problem.of(ProblemCode.UNAVAILABLE, "The service is temporarily unavailable; try again"), retryAfter);
    }

    private static String summary(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 6; t = t.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return sb.toString();
    }

    private static Response internal(Throwable e) {
        // Logged with the stack for operators; the client gets no internals.
        LOG.error("Unhandled exception while serving a request", e);
        return Problems.of(ProblemCode.INTERNAL_ERROR, "The server could not complete the request");
    }

    static Response unauthorized() {
        return Response.fromResponse(Problems.of(ProblemCode.UNAUTHORIZED, "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
