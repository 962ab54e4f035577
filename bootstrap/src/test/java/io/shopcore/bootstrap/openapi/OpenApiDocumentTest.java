package io.shopcore.bootstrap.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.bootstrap.support.RepositoryFiles;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.FieldError;
import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

/**
 * The API document for client developers (docs/operations.md, "OpenAPI"): the live {@code /q/openapi} is
 * the checked-in docs/openapi.yaml (from which the test client is generated, and which .ci/run lints with
 * Redocly), every operation has an id, a context tag and a summary, the bearer scheme is required exactly
 * where the resource methods require a token, and every error answer is a problem+json described by the
 * shared Problem schema, which matches the {@link Problem} record.
 *
 * <p>After an intended API change: {@code ./mvnw -pl bootstrap -am verify -Dtest=OpenApiDocumentTest
 * -Dshopcore.openapi.update=true ...} rewrites docs/openapi.yaml; review the diff and commit it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> TAGS = Set.of("Auth", "Catalog", "Stock", "Search", "Operations");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void liveDocument_isTheCheckedInOne() throws IOException {
        String live = given().get("/q/openapi").then().statusCode(200).extract().asString();
        Path out = Path.of("target/openapi/openapi.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, live, StandardCharsets.UTF_8);
        Path checkedIn = RepositoryFiles.find("docs/openapi.yaml");
        if (Boolean.getBoolean("shopcore.openapi.update")) {
            Files.writeString(checkedIn, live, StandardCharsets.UTF_8);
        }
        assertThat(live)
                .as("docs/openapi.yaml is stale: the live document is in bootstrap/target/openapi/openapi.yaml;"
                        + " rerun this test with -Dshopcore.openapi.update=true, review the diff and commit it")
                .isEqualTo(Files.readString(checkedIn, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperation_hasAUniqueId_oneContextTag_aSummary_andDescribedParameters() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachOperation(document(), (name, op) -> {
            String id = op.path("operationId").asText();
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(name + ": missing or duplicate operationId '" + id + "'");
            }
            if (op.path("tags").size() != 1
                    || !TAGS.contains(op.path("tags").get(0).asText())) {
                problems.add(name + ": tags " + op.path("tags") + " is not exactly one of " + TAGS);
            }
            if (op.path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
            }
            for (JsonNode p : op.path("parameters")) {
                if (p.path("description").asText().isBlank()) {
                    problems.add(name + ": parameter " + p.path("name").asText() + " has no description");
                }
            }
            JsonNode body = op.path("requestBody").path("content").path("application/json");
            if (!op.path("requestBody").isMissingNode() && body.path("examples").isEmpty()) {
                problems.add(name + ": request body without an example");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(ids).contains("register", "logIn", "listProducts", "reserveStock", "confirmReservation");
    }

    @Test
    void bearerScheme_isDeclared_andRequiredExactlyByProtectedOperations() {
        JsonNode doc = document();
        JsonNode scheme = doc.path("components").path("securitySchemes").path(ApiDocs.BEARER);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.path("servers")).isNotEmpty();
        doc.path("servers").forEach(s -> assertThat(s.path("url").asText()).isNotBlank());

        List<String> problems = new ArrayList<>();
        forEachOperation(doc, (name, op) -> {
            JsonNode security = op.path("security");
            Set<String> codes = new TreeSet<>();
            op.path("x-problem-codes").forEach(c -> codes.add(c.asText()));
            boolean admin = security.toString().contains("\"" + ApiDocs.ADMIN + "\"");
            if (!security.isArray()) {
                problems.add(name + ": no explicit security (public operations say security: [])");
            } else if (!security.isEmpty() && !codes.contains("unauthorized")) {
                problems.add(name + ": needs a token but does not document 401 unauthorized");
            } else if (admin != codes.contains("forbidden")) {
                problems.add(name + ": security " + security + " but 403 forbidden documented: " + !admin);
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The document's security comes from {@code @SecurityRequirement}: it must say what the access rules say. */
    @Test
    void securityRequirements_matchTheAccessAnnotations() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Method m : resourceMethods()) {
            Class<?> c = m.getDeclaringClass();
            String name = c.getSimpleName() + "." + m.getName();
            boolean permitAll = m.isAnnotationPresent(PermitAll.class)
                    || (!protectedOnMethod(m) && c.isAnnotationPresent(PermitAll.class));
            RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class)
                    ? m.getAnnotation(RolesAllowed.class)
                    : (protectedOnMethod(m) || m.isAnnotationPresent(PermitAll.class))
                            ? null
                            : c.getAnnotation(RolesAllowed.class);
            SecurityRequirement requirement = m.isAnnotationPresent(SecurityRequirement.class)
                    ? m.getAnnotation(SecurityRequirement.class)
                    : c.getAnnotation(SecurityRequirement.class);
            if (permitAll && requirement != null) {
                problems.add(name + ": @PermitAll but documented with a security requirement");
            }
            if (!permitAll && (requirement == null || !requirement.name().equals(ApiDocs.BEARER))) {
                problems.add(name + ": needs a token but has no @SecurityRequirement(name = ApiDocs.BEARER)");
            }
            if (requirement != null) {
                Set<String> scopes = Set.of(requirement.scopes());
                Set<String> expected = roles == null ? Set.of() : Set.of(roles.value());
                if (!scopes.equals(expected)) {
                    problems.add(name + ": requirement scopes " + scopes + " but roles " + expected);
                }
            }
            Operation operation = m.getAnnotation(Operation.class);
            if (operation == null || operation.operationId().isBlank()) {
                problems.add(name + ": no @Operation(operationId = ...)");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyErrorResponse_isAProblem_withExamplesOfItsCodes() {
        List<String> problems = new ArrayList<>();
        forEachOperation(document(), (name, op) -> {
            Set<String> codes = new TreeSet<>();
            op.path("x-problem-codes").forEach(c -> codes.add(c.asText()));
            if (!codes.contains("unavailable") && !name.equals("GET /api/v1/health")) {
                problems.add(name + ": x-problem-codes " + codes + " lacks unavailable");
            }
            Set<String> exampled = new TreeSet<>();
            op.path("responses").fields().forEachRemaining(r -> {
                if (!r.getKey().matches("[1-5][0-9][0-9]")) {
                    problems.add(name + ": responses has " + r.getKey());
                    return;
                }
                int status = Integer.parseInt(r.getKey());
                if (status < 400 || name.equals("GET /api/v1/health") && status == 503) {
                    return;
                }
                JsonNode content = r.getValue().path("content");
                JsonNode problem = content.path(Problem.MEDIA_TYPE);
                if (content.size() != 1
                        || !problem.path("schema").path("$ref").asText().endsWith("/Problem")) {
                    problems.add(name + " " + status + ": not application/problem+json with the Problem schema");
                }
                problem.path("examples").fields().forEachRemaining(e -> {
                    exampled.add(e.getKey());
                    if (e.getValue().path("value").path("status").asInt() != status) {
                        problems.add(name + " " + status + ": example " + e.getKey() + " has another status");
                    }
                });
            });
            codes.removeIf(c -> c.equals("unavailable") && name.equals("GET /api/v1/health"));
            if (!exampled.equals(codes)) {
                problems.add(name + ": examples " + exampled + " but codes " + codes);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void problemSchema_isTheWireFormOfTheProblemRecord() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(names(schemas.path("Problem").path("properties"))).isEqualTo(components(Problem.class));
        assertThat(names(schemas.path("FieldError").path("properties"))).isEqualTo(components(FieldError.class));
        Set<String> codes = new TreeSet<>();
        schemas.path("Problem").path("properties").path("code").path("enum").forEach(c -> codes.add(c.asText()));
        assertThat(codes)
                .isEqualTo(new TreeSet<>(Arrays.stream(ProblemCode.values())
                        .map(ProblemCode::code)
                        .toList()));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<? extends Record> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static boolean protectedOnMethod(Method m) {
        return m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(Authenticated.class);
    }

    private static List<Method> resourceMethods() {
        List<Method> methods = new ArrayList<>();
        for (JavaClass jc : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.shopcore")) {
            if (!jc.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            for (Method m : jc.reflect().getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class)
                        || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(DELETE.class)) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    private static JsonNode document() {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface OperationCheck {
        void check(String name, JsonNode operation);
    }

    private static void forEachOperation(JsonNode doc, OperationCheck check) {
        assertThat(doc.path("paths").size()).isGreaterThan(15);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    check.check(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
                }
            });
        }
    }
}
