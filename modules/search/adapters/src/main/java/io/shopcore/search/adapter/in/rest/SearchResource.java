package io.shopcore.search.adapter.in.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.web.Params;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.port.in.RebuildSearchIndexUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Product search. Parameters are taken as text and parsed here (with {@link Params} for ids and
 * paging), so every bad value is a 400 {@code validation_failed} naming its parameter.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** Plain decimals only: no exponent, sign or grouping; the range is checked by {@link Query}. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,19}(\\.[0-9]{1,4})?");

    private final SearchProductsUseCase search;
    private final RebuildSearchIndexUseCase rebuild;

    private final SearchConfig config;

    public SearchResource(SearchProductsUseCase search, RebuildSearchIndexUseCase rebuild, SearchConfig config) {
        this.search = search;
        this.rebuild = rebuild;
        this.config = config;
    }

    @GET
    @PermitAll
    public SearchPageResponse search(
            @QueryParam("q") String q,
            @QueryParam("categoryId") String categoryId,
            @QueryParam("minPrice") String minPrice,
            @QueryParam("maxPrice") String maxPrice,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Params.PageQuery paging = Params.PageQuery.parse(page, size);
        Long category = Params.optionalPositiveId("categoryId", categoryId);
        Sort order = sort == null || sort.isEmpty()
                ? Sort.RELEVANCE
                : Sort.parse(sort)
                        .orElseThrow(() ->
                                ApiProblemException.validation("sort", "must be one of relevance, price, -price"));
        Query query = new Query(
                q,
                category,
                price("minPrice", minPrice),
                price("maxPrice", maxPrice),
                order,
                paging.page(),
                paging.size());
        return SearchPageResponse.from(search.search(query));
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    public RebuildResponse rebuild() {
        long start = System.nanoTime();
        // One transaction for the whole catalog: longer than the default timeout allows on large catalogs.
        RebuildSearchIndexUseCase.Result r = QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, config.rebuildTimeout().toSeconds()))
                .call(rebuild::rebuild);
        return new RebuildResponse(r.indexed(), (System.nanoTime() - start) / 1_000_000);
    }

    private static BigDecimal price(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String v = raw.trim();
        if (!DECIMAL.matcher(v).matches()) {
            throw ApiProblemException.validation(
                    field, "must be a non-negative decimal number with at most 4 decimals");
        }
        return new BigDecimal(v);
    }
}
