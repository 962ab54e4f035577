package io.shopcore.infrastructure.health;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/v1/health}: the readiness answer under the API path, for load balancers. */
@Path("/api/v1/health")
@PermitAll
public class HealthAliasResource {

    private final SmallRyeHealthReporter reporter;

    public HealthAliasResource(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        SmallRyeHealth health = reporter.getReadiness();
        return Response.status(health.isDown() ? 503 : 200)
                .entity(health.getPayload().toString())
                .build();
    }
}
