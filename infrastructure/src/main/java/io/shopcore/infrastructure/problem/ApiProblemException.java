package io.shopcore.infrastructure.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by adapters to answer with a specific problem. Use-case outcomes are values (sealed
 * results), mapped to problems by the resources; this exception is for the few places where an
 * adapter must stop a request (throttling, overload, unavailable dependencies).
 */
public class ApiProblemException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;

    public ApiProblemException(ProblemCode code, String detail) {
        this(Problem.of(code, detail), null);
    }

    public ApiProblemException(ProblemCode code, String detail, Duration retryAfter) {
        this(Problem.of(code, detail), retryAfter);
    }

    public ApiProblemException(Problem problem, Duration retryAfter) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public static ApiProblemException validation(String field, String message) {
        return new ApiProblemException(Problem.validation(List.of(new FieldError(field, message))), null);
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
