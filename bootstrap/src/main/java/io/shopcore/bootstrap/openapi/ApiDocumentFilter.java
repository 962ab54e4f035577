package io.shopcore.bootstrap.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The parts of the API document that are the same for every operation, written once here instead of on
 * each resource method (docs/operations.md, "OpenAPI"):
 *
 * <ul>
 *   <li>the context tags (Auth, Catalog, Stock, Search, Operations) with their descriptions, and the
 *       {@value #BEARER} security scheme that resource methods name in {@code @SecurityRequirement};
 *   <li>the shared {@code Problem} and {@code FieldError} schemas (the wire form of
 *       {@link io.shopcore.infrastructure.problem.Problem}, checked against the record by OpenApiDocumentTest);
 *   <li>every error response as {@code application/problem+json}: a resource method lists the problem codes
 *       it answers itself in {@code @Extension(name = "x-problem-codes", value = "not_found, ...")}, and this
 *       filter adds those every operation of its kind can answer (a body: {@code malformed_request},
 *       {@code validation_failed}, {@code payload_too_large}, {@code unsupported_media_type}; a bearer
 *       requirement: {@code unauthorized}, and {@code forbidden} when it names a role; always
 *       {@code unavailable}). The codes are grouped by status, each with an example, and the full list stays
 *       on the operation as {@code x-problem-codes} for generators and readers.
 * </ul>
 *
 * Runs at build time, so the document served at {@code /q/openapi} is computed once.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    /** The security scheme's name, used by {@code @SecurityRequirement(name = "bearerAuth")}. */
    public static final String BEARER = ApiDocs.BEARER;

    static final String PROBLEM_CODES = ApiDocs.PROBLEM_CODES;

    private static final Map<ProblemCode, String> MEANING = meanings();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setTags(tags());
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(BEARER, bearerScheme());
        components.addSchema(ApiSchemas.FIELD_ERROR, ApiSchemas.fieldErrorSchema());
        components.addSchema(ApiSchemas.PROBLEM, ApiSchemas.problemSchema());
        components.addSchema(ApiSchemas.HEALTH, ApiSchemas.healthSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                documentProblems(operation);
            }
        }
    }

    private static void documentProblems(Operation operation) {
        Set<ProblemCode> codes = EnumSet.noneOf(ProblemCode.class);
        Object declared = operation.getExtensions() == null
                ? null
                : operation.getExtensions().get(PROBLEM_CODES);
        if (declared != null) {
            for (String code : declared.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
                if (!code.isBlank()) {
                    codes.add(ProblemCode.valueOf(code.strip().toUpperCase(Locale.ROOT)));
                }
            }
        }
        if (operation.getRequestBody() != null) {
            codes.addAll(List.of(
                    ProblemCode.MALFORMED_REQUEST,
                    ProblemCode.VALIDATION_FAILED,
                    ProblemCode.PAYLOAD_TOO_LARGE,
                    ProblemCode.UNSUPPORTED_MEDIA_TYPE));
        }
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            operation.setSecurity(new ArrayList<>()); // explicitly public: "security: []"
        } else {
            codes.add(ProblemCode.UNAUTHORIZED);
            boolean roles = security.stream()
                    .anyMatch(r -> r.getSchemes().values().stream().anyMatch(s -> s != null && !s.isEmpty()));
            if (roles) {
                codes.add(ProblemCode.FORBIDDEN);
            }
        }
        codes.add(ProblemCode.UNAVAILABLE);
        Map<Integer, List<ProblemCode>> byStatus = new TreeMap<>();
        for (ProblemCode code : codes) {
            byStatus.computeIfAbsent(code.status(), s -> new ArrayList<>()).add(code);
        }
        byStatus.forEach((status, list) -> {
            String key = String.valueOf(status);
            APIResponse existing = operation.getResponses().getAPIResponse(key);
            if (existing != null && existing.getContent() != null) {
                return; // documented by the operation itself (the health alias answers 503 with its health JSON)
            }
            operation.getResponses().addAPIResponse(key, problemResponse(list));
        });
        // SmallRye also copies a method's @Extension onto its @APIResponse: the list belongs to the operation only.
        operation.getResponses().removeExtension(PROBLEM_CODES);
        operation.getResponses().getAPIResponses().values().forEach(r -> r.removeExtension(PROBLEM_CODES));
        operation.addExtension(
                PROBLEM_CODES, codes.stream().map(ProblemCode::code).collect(Collectors.toList()));
    }

    private static APIResponse problemResponse(List<ProblemCode> codes) {
        var media = OASFactory.createMediaType().schema(ApiSchemas.ref(ApiSchemas.PROBLEM));
        for (ProblemCode code : codes) {
            media.addExample(code.code(), example(code));
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(codes.stream()
                        .map(c -> "`" + c.code() + "`: " + MEANING.get(c))
                        .collect(Collectors.joining(" ")))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
        int status = codes.getFirst().status();
        if (status == 429 || status == 503) {
            response.addHeader("Retry-After", retryAfter());
        }
        return response;
    }

    private static Example example(ProblemCode code) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", code.type());
        value.put("title", code.title());
        value.put("status", code.status());
        value.put("detail", MEANING.get(code).replace("`", ""));
        value.put("code", code.code());
        if (code == ProblemCode.VALIDATION_FAILED) {
            value.put("detail", "quantity: must be less than or equal to 1000");
            Map<String, Object> error = new LinkedHashMap<>(); // ordered: the document is compared as text
            error.put("field", "quantity");
            error.put("message", "must be less than or equal to 1000");
            value.put("errors", List.of(error));
        }
        value.put("requestId", "4f8e2c1a-7b3d-4e5f-9a0b-1c2d3e4f5a6b");
        return OASFactory.createExample().summary(code.title()).value(value);
    }

    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait before trying again.")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .minimum(java.math.BigDecimal.ONE));
    }

    private static SecurityScheme bearerScheme() {
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("The `access_token` from `POST /api/v1/auth/token` (or `/api/v1/auth/refresh`), sent as"
                        + " `Authorization: Bearer <access_token>`. It expires after `expires_in` seconds; get a new"
                        + " one with the refresh token. A requirement that names `admin` needs an account with the"
                        + " admin role (otherwise 403 `forbidden`).");
    }

    private static List<Tag> tags() {
        return List.of(
                tag("Auth", "Create an account, log in for a bearer token, refresh it, and see who you are."),
                tag(
                        "Catalog",
                        "Browse categories and products (public); administrators create, change and delete them."),
                tag(
                        "Stock",
                        "See what is available, reserve units for a while (HELD), then confirm or release the"
                                + " reservation; administrators adjust stock and read the ledger."),
                tag("Search", "Full-text product search, and price comparison across our catalog and price sources."),
                tag("Operations", "Health for load balancers, and maintenance actions for administrators."));
    }

    private static Tag tag(String name, String description) {
        return OASFactory.createTag().name(name).description(description);
    }

    private static Map<ProblemCode, String> meanings() {
        Map<ProblemCode, String> m = new EnumMap<>(ProblemCode.class);
        m.put(ProblemCode.VALIDATION_FAILED, "a parameter or body field is invalid; `errors` names each one.");
        m.put(ProblemCode.MALFORMED_REQUEST, "the body is not JSON of the expected shape (or is empty).");
        m.put(ProblemCode.UNAUTHORIZED, "the bearer token is missing, malformed, expired or forged.");
        m.put(ProblemCode.INVALID_CREDENTIALS, "wrong username or password (the same answer for an unknown user).");
        m.put(ProblemCode.FORBIDDEN, "the token is valid but its account lacks the role this needs.");
        m.put(ProblemCode.NOT_FOUND, "there is no such resource (or it is not yours to see).");
        m.put(ProblemCode.METHOD_NOT_ALLOWED, "this path does not answer that HTTP method.");
        m.put(ProblemCode.NOT_ACCEPTABLE, "the Accept header excludes JSON.");
        m.put(ProblemCode.USERNAME_TAKEN, "another account has this username.");
        m.put(ProblemCode.INSUFFICIENT_STOCK, "fewer units are available than requested.");
        m.put(ProblemCode.RESERVATION_NOT_HELD, "the reservation is no longer HELD (confirmed, released or expired).");
        m.put(ProblemCode.CONFLICT, "the change conflicts with the current state (see `detail`).");
        m.put(ProblemCode.PAYLOAD_TOO_LARGE, "the body is larger than the server accepts (64 KiB by default).");
        m.put(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "the body is not sent as `application/json`.");
        m.put(ProblemCode.IDEMPOTENCY_KEY_REUSED, "this `Idempotency-Key` was used with a different request.");
        m.put(ProblemCode.RATE_LIMITED, "too many attempts; wait `Retry-After` seconds.");
        m.put(ProblemCode.INTERNAL_ERROR, "an unexpected server error (no details are disclosed).");
        m.put(
                ProblemCode.UNAVAILABLE,
                "the service cannot answer right now (database down or overloaded); retry"
                        + " after `Retry-After` seconds.");
        return m;
    }
}
