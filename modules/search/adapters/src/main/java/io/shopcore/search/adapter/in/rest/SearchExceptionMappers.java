package io.shopcore.search.adapter.in.rest;

import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.search.domain.InvalidSearchQuery;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The search module's own failures as problem+json. */
public class SearchExceptionMappers {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidSearchQuery e) {
        return Problems.invalid(e.field(), e.reason());
    }
}
