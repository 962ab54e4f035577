package io.shopcore.infrastructure.web;

import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.FieldError;
import io.shopcore.infrastructure.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parses path and query parameters taken as text, so a bad value is a 400 {@code validation_failed}
 * naming the parameter (framework conversion would answer 404 for a path and a bare 400 for a query).
 */
public final class Params {

    private Params() {}

    public static long positiveId(String field, String raw) {
        long value = parseLong(field, raw);
        if (value <= 0) {
            throw ApiProblemException.validation(field, "must be a positive integer");
        }
        return value;
    }

    /** An optional positive id query parameter; {@code null} when absent. */
    public static Long optionalPositiveId(String field, String raw) {
        return raw == null || raw.isEmpty() ? null : positiveId(field, raw);
    }

    public static UUID uuid(String field, String raw) {
        try {
            if (raw == null || raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.validation(field, "must be a UUID");
        }
    }

    private static long parseLong(String field, String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblemException.validation(field, "must be an integer");
        }
    }

    /** Validated {@code page} (0-based) and {@code size} (1..100, default 20), as every list takes them. */
    public record PageQuery(int page, int size) {

        public static final int DEFAULT_SIZE = 20;
        public static final int MAX_SIZE = 100;

        public static PageQuery parse(String page, String size) {
            List<FieldError> errors = new ArrayList<>();
            int p = parseBounded(page, 0, "page", 0, Integer.MAX_VALUE / MAX_SIZE, errors);
            int s = parseBounded(size, DEFAULT_SIZE, "size", 1, MAX_SIZE, errors);
            if (!errors.isEmpty()) {
                throw new ApiProblemException(Problem.validation(errors), null);
            }
            return new PageQuery(p, s);
        }

        public long offset() {
            return (long) page * size;
        }

        private static int parseBounded(String raw, int dflt, String field, int min, int max, List<FieldError> errors) {
            if (raw == null || raw.isEmpty()) {
                return dflt;
            }
            try {
                int v = Integer.parseInt(raw.trim());
                if (v < min || v > max) {
                    errors.add(new FieldError(field, "must be between " + min + " and " + max));
                }
                return v;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field, "must be an integer"));
                return dflt;
            }
        }
    }
}
