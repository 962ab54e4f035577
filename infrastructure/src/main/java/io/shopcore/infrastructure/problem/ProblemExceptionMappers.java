package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shopcore.infrastructure.store.StoreFailures;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
 * e.g. a commit that failed outside every adapter) becomes 503 {@code unavailable} with Retry-After.
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

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemExceptionMappers::isMissingBody)) {
            return malformed("A JSON request body is required");
        }
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            // A syntax error, also when Jackson wrapped it with the path of the field it was reading.
            if (t instanceof JsonParseException) {
                return malformed("The request body is not valid JSON");
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return Problems.invalid(path(u.getPath(), u.getPropertyName()), "unknown field");
        }
        if (e instanceof MismatchedInputException m && m.getPath().isEmpty() && !isScalar(m.getTargetType())) {
            // The document itself has the wrong shape ([] or "text" where an object is expected), or
            // trailing tokens follow it. (A scalar target without a path is a missing primitive field.)
            return malformed("The request body must be one JSON object");
        }
        if (e instanceof InvalidFormatException f) {
            return Problems.invalid(path(f.getPath(), null), "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException m) {
            return Problems.invalid(path(m.getPath(), null), "has the wrong type");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return Problems.invalid(path(m.getPath(), null), "is invalid");
        }
        if (e instanceof JsonMappingException) {
            return Problems.invalid("body", "is invalid");
        }
        return malformed("The request body is not valid JSON");
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
            return malformed("The request body is not a valid JSON document for this request");
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

    private static boolean isScalar(Class<?> type) {
        return type != null
                && (type.isPrimitive()
                        || Number.class.isAssignableFrom(type)
                        || type == Boolean.class
                        || type == Character.class
                        || CharSequence.class.isAssignableFrom(type)
                        || type.isEnum());
    }

    private static Response malformed(String detail) {
        return Problems.of(ProblemCode.MALFORMED_REQUEST, detail);
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

    /**
     * The name a client knows: the last bean or parameter node, not the Java method path, and for a
     * bean property its JSON name ({@code @JsonProperty("refresh_token")}, not {@code refreshToken}).
     */
    private static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        StringBuilder beanPath = new StringBuilder();
        boolean inBean = false;
        Method method = null;
        Class<?> current = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(v.getRootBeanClass(), node.as(Path.MethodNode.class));
            } else if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
                inBean = false;
                beanPath.setLength(0);
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                current =
                        method != null && index < method.getParameterCount() ? method.getParameterTypes()[index] : null;
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null) {
                    continue;
                }
                if (inBean) {
                    beanPath.append('.');
                }
                Field field = field(current, node.getName());
                JsonProperty json = field == null ? null : field.getAnnotation(JsonProperty.class);
                beanPath.append(json != null && !json.value().isEmpty() ? json.value() : node.getName());
                current = field == null ? null : field.getType();
                inBean = true;
            }
        }
        if (inBean) {
            return beanPath.toString();
        }
        return name == null ? "request" : name;
    }

    /** A {@code @NotNull} on the entity parameter (no JAX-RS parameter annotation): the body was empty. */
    private static boolean isMissingBody(ConstraintViolation<?> v) {
        if (!(v.getConstraintDescriptor().getAnnotation() instanceof NotNull)) {
            return false;
        }
        Method method = null;
        Path.Node last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(v.getRootBeanClass(), node.as(Path.MethodNode.class));
            }
            last = node;
        }
        if (method == null || last == null || last.getKind() != ElementKind.PARAMETER) {
            return false;
        }
        int index = last.as(Path.ParameterNode.class).getParameterIndex();
        if (index >= method.getParameterCount()) {
            return false;
        }
        for (Annotation a : method.getParameterAnnotations()[index]) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.equals("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return false; // @PathParam, @QueryParam, @HeaderParam, @Context, @RestQuery...: not the body
            }
        }
        return true;
    }

    private static Method method(Class<?> owner, Path.MethodNode node) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), types);
            } catch (NoSuchMethodException ignored) {
                // declared higher up (or in a CDI subclass of the resource)
            }
        }
        return null;
    }

    private static Field field(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException ignored) {
                // inherited
            }
        }
        return null;
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
