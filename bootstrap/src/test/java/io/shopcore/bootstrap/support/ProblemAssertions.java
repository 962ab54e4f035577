package io.shopcore.bootstrap.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Checks that an answer is an RFC 9457 problem with the expected status and stable code. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("type", org.hamcrest.Matchers.notNullValue());
    }
}
