package io.shopcore.infrastructure.openapi;

/**
 * Names the resource methods' OpenAPI annotations share with the document filter (bootstrap's
 * ApiDocumentFilter), so that a typo is a compile error rather than a silently undocumented operation.
 */
public final class ApiDocs {

    /** The bearer (JWT) security scheme: {@code @SecurityRequirement(name = ApiDocs.BEARER)}. */
    public static final String BEARER = "bearerAuth";

    /** Role scope of admin-only operations: {@code @SecurityRequirement(name = BEARER, scopes = ADMIN)}. */
    public static final String ADMIN = "admin";

    /**
     * Operation extension listing the problem codes an operation answers beyond those of its kind:
     * {@code @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_found, insufficient_stock")}.
     */
    public static final String PROBLEM_CODES = "x-problem-codes";

    private ApiDocs() {}
}
