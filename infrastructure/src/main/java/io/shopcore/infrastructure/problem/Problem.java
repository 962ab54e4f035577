package io.shopcore.infrastructure.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** RFC 9457 problem details body, plus the stable {@code code} and, for validation, the field errors. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Without a request id: {@link Problems#response} adds the current one when the problem goes on the wire. */
    public Problem(
            String type,
            String title,
            int status,
            String detail,
            String code,
            String instance,
            List<FieldError> errors) {
        this(type, title, status, detail, code, instance, errors, null);
    }

    /** The same problem, tagged with the request it answers (the id the client got in {@code X-Request-Id}). */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, code, instance, errors, id);
    }

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.code(), null, null);
    }

    public static Problem validation(List<FieldError> errors) {
        ProblemCode code = ProblemCode.VALIDATION_FAILED;
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new Problem(code.type(), code.title(), code.status(), detail, code.code(), null, List.copyOf(errors));
    }
}
