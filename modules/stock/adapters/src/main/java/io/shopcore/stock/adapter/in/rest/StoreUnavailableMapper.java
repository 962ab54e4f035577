package io.shopcore.stock.adapter.in.rest;

import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.infrastructure.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * TEMPORARY: maps the outbound adapters' {@link StoreUnavailableException} to 503 {@code unavailable}
 * with {@code Retry-After} until the global mapper in {@code infrastructure.problem} is merged; delete
 * this class then (two mappers for one exception type must not coexist).
 */
public class StoreUnavailableMapper {

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return Problems.response(Problem.of(ProblemCode.UNAVAILABLE, "The service is temporarily unavailable; try again"),
                e.retryAfter());
    }
}
