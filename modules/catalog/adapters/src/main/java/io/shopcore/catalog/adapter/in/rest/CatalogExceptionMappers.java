package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.domain.InvalidCatalogValue;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The catalog's own failures as problem+json. */
public class CatalogExceptionMappers {

    @ServerExceptionMapper
    public Response invalidValue(InvalidCatalogValue e) {
        return Problems.invalid(e.field(), e.reason());
    }

    @ServerExceptionMapper
    public Response concurrentEdit(OptimisticLockException e) {
        return Problems.of(ProblemCode.CONFLICT, "The product was changed concurrently; read it again and retry");
    }
}
