package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.LoadDemoDataUseCase;
import io.shopcore.infrastructure.openapi.ApiDocs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Loads the demo catalog on demand (load tests, fresh environments). Idempotent. */
@Path("/api/v1/admin/demo-data")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class DemoDataResource {

    private final LoadDemoDataUseCase loader;

    public DemoDataResource(LoadDemoDataUseCase loader) {
        this.loader = loader;
    }

    @POST
    @RolesAllowed("admin")
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "loadDemoData",
            summary = "Load the demo catalog (admin)",
            description = "Creates the demo categories and products with stock, for load tests and fresh"
                    + " environments. Idempotent: a second call creates nothing and reports the totals.")
    @APIResponse(responseCode = "200", description = "What was created, and the totals now.")
    public DemoDataResponse load() {
        return DemoDataResponse.from(loader.load());
    }
}
