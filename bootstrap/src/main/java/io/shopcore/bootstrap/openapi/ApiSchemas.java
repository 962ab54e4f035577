package io.shopcore.bootstrap.openapi;

import io.shopcore.infrastructure.problem.ProblemCode;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The shared schemas of the API document: the problem+json body, its field errors, the health answer. */
final class ApiSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    /** The MicroProfile Health answer of the health alias ({@code GET /api/v1/health}). */
    static final String HEALTH = "HealthStatus";

    private ApiSchemas() {}

    static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An error answer (RFC 9457 problem details, media type `application/problem+json`)."
                        + " Switch on `code`, which is stable; `title` and `detail` are for humans and may change.")
                .required(List.of("type", "title", "status", "code"))
                .addProperty(
                        "type",
                        string("A URI naming the kind of problem, one per `code`.")
                                .format("uri"))
                .addProperty("title", string("Short human-readable summary of the kind of problem."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .description("The HTTP status code of this answer.")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string("What went wrong with this request, for humans."))
                .addProperty(
                        "code",
                        string("The stable, machine-readable problem code.")
                                .enumeration(Arrays.stream(ProblemCode.values())
                                        .map(c -> (Object) c.code())
                                        .toList()))
                .addProperty("instance", string("A URI of this occurrence, when there is one."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("`validation_failed` only: each rejected field and why.")
                                .items(ref(FIELD_ERROR)))
                .addProperty(
                        "requestId",
                        string("The request id, also in the `X-Request-Id` response header and in the server's"
                                + " logs: quote it when reporting a problem."));
    }

    static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One rejected input of a `validation_failed` problem.")
                .required(List.of("field", "message"))
                .addProperty("field", string("The body field, query parameter or header that was rejected."))
                .addProperty("message", string("Why it was rejected."));
    }

    static Schema healthSchema() {
        Schema status = string("UP or DOWN.").enumeration(List.of("UP", "DOWN"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("MicroProfile Health readiness: the overall status and each check's.")
                .required(List.of("status", "checks"))
                .addProperty("status", status)
                .addProperty(
                        "checks",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .required(List.of("name", "status"))
                                        .addProperty("name", string("The check, e.g. the database connections."))
                                        .addProperty("status", status)
                                        .addProperty(
                                                "data",
                                                OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.OBJECT)
                                                        .description("Details of the check, if any."))));
    }
}
