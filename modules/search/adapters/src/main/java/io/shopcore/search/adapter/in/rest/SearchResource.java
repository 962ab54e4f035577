package io.shopcore.search.adapter.in.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopcore.infrastructure.openapi.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Product search. Parameters are taken as text and parsed here (with {@link Params} for ids and
 * paging), so every bad value is a 400 {@code validation_failed} naming its parameter.
 */
@Path("/api/v1/search")
@Tag(name = "Search")
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
    @Operation(
            operationId = "searchProducts",
            summary = "Search products by text",
            description = "Matches partial words in Korean and English in product names and descriptions; special"
                    + " characters match literally. A product is findable as soon as its creation returns. Each item"
                    + " carries a relevance `score`.")
    @APIResponse(responseCode = "200", description = "One page of matching products.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed")
    public SearchPageResponse search(
            @Parameter(
                            required = true,
                            description = "The search text, 1 to 200 characters.",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Only products of this category.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("categoryId")
                    String categoryId,
            @Parameter(
                            description = "Lowest price, inclusive (at most 4 decimals).",
                            schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
                    @QueryParam("minPrice")
                    String minPrice,
            @Parameter(
                            description = "Highest price, inclusive (at most 4 decimals).",
                            schema = @Schema(type = SchemaType.NUMBER, minimum = "0"))
                    @QueryParam("maxPrice")
                    String maxPrice,
            @Parameter(
                            description = "Sort order.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"relevance", "price", "-price"},
                                            defaultValue = "relevance"))
                    @QueryParam("sort")
                    String sort,
            @Parameter(
                            description = "Page number, from 0.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Items per page.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("size")
                    String size) {
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
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "rebuildSearchIndex",
            summary = "Rebuild the search index from the catalog (admin)",
            description = "Re-reads every product into the search index in one transaction; searches keep working"
                    + " meanwhile. For recovery after a restore or a bulk import.")
    @APIResponse(responseCode = "200", description = "How many products were indexed, and how long it took.")
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
