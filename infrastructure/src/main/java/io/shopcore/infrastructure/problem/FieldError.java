package io.shopcore.infrastructure.problem;

/** One rejected input of a {@code validation_failed} problem: which field, and why. */
public record FieldError(String field, String message) {}
