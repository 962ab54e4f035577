package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Global exception mappers: every failure leaves as RFC 9457 problem+json with a stable code, and a
 * 5xx never carries internals. Context modules map their own domain exceptions next to their
 * resources; this class covers the framework's failures.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblemException e) {
        return Problems.response(e.problem(), e.retryAfter());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
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
        if (e instanceof UnrecognizedPropertyException u) {
            return Problems.invalid(path(u.getPath(), u.getPropertyName()), "unknown field");
        }
        if (e instanceof InvalidFormatException f) {
            return Problems.invalid(path(f.getPath(), null), "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return Problems.invalid(path(m.getPath(), null), "has the wrong type");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return Problems.invalid(path(m.getPath(), null), "is invalid");
        }
        return Problems.invalid("body", "is not valid JSON");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problems.of(ProblemCode.NOT_FOUND, "No resource at this path");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response r = Problems.of(ProblemCode.METHOD_NOT_ALLOWED, "Method not allowed on this resource");
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? r : Response.fromResponse(r).header(HttpHeaders.ALLOW, allow).build();
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
            // Quarkus REST's JSON reader reports unreadable bodies (syntax errors, null, wrong top-level type) this way.
            return Problems.invalid("body", "is not a valid JSON document for this request");
        }
        if (status < 500) {
            // Other 4xx raised by the framework: keep the status, answer in problem+json.
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Client error" : type.getReasonPhrase();
            return Problems.response(new Problem("about:blank", title, status, title, "client_error", null, null));
        }
        return internal(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    private static Response internal(Throwable e) {
        // Logged with the stack for operators; the client gets no internals.
        LOG.error("Unhandled exception while serving a request", e);
        return Problems.of(ProblemCode.INTERNAL_ERROR, "The server could not complete the request");
    }

    static Response unauthorized() {
        return Response.fromResponse(Problems.of(ProblemCode.UNAUTHORIZED, "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The name a client knows: the last bean or parameter node, not the Java method path. */
    private static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        StringBuilder beanPath = new StringBuilder();
        boolean inBean = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
                inBean = false;
                beanPath.setLength(0);
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null) {
                    continue;
                }
                if (inBean) {
                    beanPath.append('.');
                }
                beanPath.append(node.getName());
                inBean = true;
            }
        }
        if (inBean) {
            return beanPath.toString();
        }
        return name == null ? "request" : name;
    }

    private static String path(List<JsonMappingException.Reference> refs, String last) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (sb.isEmpty() && last != null) {
            return last;
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
