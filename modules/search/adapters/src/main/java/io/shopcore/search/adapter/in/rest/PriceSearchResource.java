package io.shopcore.search.adapter.in.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.Problem;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.search.application.port.in.SearchPricesUseCase;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Found;
import io.shopcore.search.application.port.in.SearchPricesUseCase.NotFound;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Query;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Result;
import io.shopcore.search.application.port.in.SearchPricesUseCase.Unavailable;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/price/search {query}}: 200 with the offers and the path that answered, 404
 * {@code not_found} when no path found any, 503 {@code unavailable} + Retry-After only when every path
 * failed. Counted in {@code shopcore_searches_total{kind="price",status,path}} and timed in
 * {@code shopcore_search_duration_seconds{kind="price",path}}.
 */
@Path("/api/v1/price/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriceSearchResource {

    private final SearchPricesUseCase prices;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PriceSearchResource(SearchPricesUseCase prices, MeterRegistry registry) {
        this.prices = prices;
        this.registry = registry;
    }

    @POST
    @PermitAll
    @Operation(
            operationId = "searchPrices",
            summary = "Compare prices for a product text",
            description = "Answers from a recent identical search (`path` = `cache`), from our own catalog (`fast`) or"
                    + " from the external price sources (`slow`), with the best offer first. 404 `not_found` when no"
                    + " path found an offer; 503 `unavailable` only when every path failed.")
    @APIResponse(
            responseCode = "200",
            description = "The offers, the best one, and the path that answered.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PriceSearchResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_found")
    public Response search(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = PriceSearchRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "earbuds",
                                                            value = "{\"query\": \"galaxy buds 3\"}")))
                    @NotNull
                    PriceSearchRequest request) {
        long start = System.nanoTime();
        Query query = new Query(request.query());
        Result result = prices.search(query);
        long took = System.nanoTime() - start;
        return switch (result) {
            case Found f -> {
                observe("success", f.path().wire(), took);
                yield Response.ok(PriceSearchResponse.from(f)).build();
            }
            case NotFound n -> {
                observe("not_found", "none", took);
                yield Problems.notFound("No offer found for this query");
            }
            case Unavailable u -> {
                observe("error", "none", took);
                yield Problems.response(
                        Problem.of(
                                ProblemCode.UNAVAILABLE,
                                "Price search is unavailable: the catalog and every price source failed"),
                        u.retryAfter());
            }
        };
    }

    private void observe(String status, String path, long nanos) {
        counters.computeIfAbsent(
                        status + "/" + path,
                        k -> Counter.builder("shopcore_searches_total")
                                .description("Searches by kind, outcome and answering path")
                                .tag("kind", "price")
                                .tag("status", status)
                                .tag("path", path)
                                .register(registry))
                .increment();
        timers.computeIfAbsent(
                        path,
                        p -> Timer.builder("shopcore.search.duration")
                                .description("Search response time by kind and answering path")
                                .tag("kind", "price")
                                .tag("path", p)
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1))
                                .maximumExpectedValue(Duration.ofSeconds(10))
                                .register(registry))
                .record(Duration.ofNanos(nanos));
    }
}
