package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A request body Jackson could not read, as the client should see it: 400 {@code malformed_request} when
 * the body is not a JSON document of the right shape, 400 {@code validation_failed} naming the field
 * (by its JSON path) when one field is unknown or has the wrong type.
 */
final class JsonBodyFailures {

    private JsonBodyFailures() {}

    static Response problem(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // A syntax error, also when Jackson wrapped it with the path of the field it was reading.
            if (t instanceof JsonParseException) {
                return Problems.malformed("The request body is not valid JSON");
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return Problems.invalid(path(u.getPath(), u.getPropertyName()), "unknown field");
        }
        if (e instanceof MismatchedInputException m && m.getPath().isEmpty() && !isScalar(m.getTargetType())) {
            // The document itself has the wrong shape ([] or "text" where an object is expected), or
            // trailing tokens follow it. (A scalar target without a path is a missing primitive field.)
            return Problems.malformed("The request body must be one JSON object");
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
        return Problems.malformed("The request body is not valid JSON");
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
