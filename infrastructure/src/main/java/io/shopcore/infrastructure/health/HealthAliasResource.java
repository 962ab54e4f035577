package io.shopcore.infrastructure.health;

import io.shopcore.infrastructure.openapi.ApiDocs;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/health}: the readiness answer under the API path, for load balancers. */
@Path("/api/v1/health")
@Tag(name = "Operations")
@PermitAll
public class HealthAliasResource {

    private final SmallRyeHealthReporter reporter;

    public HealthAliasResource(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getHealth",
            summary = "Readiness, for load balancers",
            description = "The readiness answer of `/q/health/ready` under the API path: 200 when the instance can"
                    + " serve, 503 while it cannot (database down, starting or draining).")
    @APIResponse(
            responseCode = "200",
            description = "Ready.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HealthStatus")))
    @APIResponse(
            responseCode = "503",
            description = "Not ready; the body names the failing checks.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HealthStatus")))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_acceptable")
    public Response health() {
        SmallRyeHealth health = reporter.getReadiness();
        return Response.status(health.isDown() ? 503 : 200)
                .entity(health.getPayload().toString())
                .build();
    }
}
