package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.LoadDemoDataUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Loads the demo catalog on demand (load tests, fresh environments). Idempotent. */
@Path("/api/v1/admin/demo-data")
@Produces(MediaType.APPLICATION_JSON)
public class DemoDataResource {

    private final LoadDemoDataUseCase loader;

    public DemoDataResource(LoadDemoDataUseCase loader) {
        this.loader = loader;
    }

    @POST
    @RolesAllowed("admin")
    public LoadDemoDataUseCase.Result load() {
        return loader.load();
    }
}
