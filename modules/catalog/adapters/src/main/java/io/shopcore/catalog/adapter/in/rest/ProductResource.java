package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.DeleteProductUseCase;
import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductQueries;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.UpdateProductUseCase;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.Problems;
import io.shopcore.infrastructure.web.Params;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Products. Parameters are taken as text and parsed here, so a bad value is a 400
 * {@code validation_failed} naming it (not a 404 or a bare 400 from the framework).
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductQueries queries;
    private final CreateProductUseCase createProduct;
    private final UpdateProductUseCase updateProduct;
    private final DeleteProductUseCase deleteProduct;
    private final long maxOffset;

    public ProductResource(
            ProductQueries queries,
            CreateProductUseCase createProduct,
            UpdateProductUseCase updateProduct,
            DeleteProductUseCase deleteProduct,
            CatalogConfig config) {
        this.maxOffset = config.listing().maxOffset();
        this.queries = queries;
        this.createProduct = createProduct;
        this.updateProduct = updateProduct;
        this.deleteProduct = deleteProduct;
    }

    /**
     * A numbered page ({@code page}, bounded by {@code shopcore.catalog.listing.max-offset}) or the page
     * after a cursor ({@code after}: the {@code next} of the previous answer), whose cost does not grow
     * with depth.
     */
    @GET
    @PermitAll
    public ProductPageResponse list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("categoryId") String categoryId,
            @QueryParam("sort") String sort,
            @QueryParam("after") String after) {
        Params.PageQuery paging = Params.PageQuery.parse(page, size);
        Long category = Params.optionalPositiveId("categoryId", categoryId);
        ProductSort order = sort == null || sort.isEmpty()
                ? ProductSort.ID
                : ProductSort.parse(sort)
                        .orElseThrow(
                                () -> ApiProblemException.validation("sort", "must be one of id, price, -price, name"));
        ProductCursor cursor = null;
        if (after != null && !after.isEmpty()) { // empty: absent, as for sort
            if (page != null) {
                throw ApiProblemException.validation(
                        "page", "must not be combined with after (the cursor is the position)");
            }
            cursor = ProductCursors.decode(after, order);
        } else if (paging.offset() > maxOffset) {
            throw ApiProblemException.validation(
                    "page",
                    "page * size must be at most " + maxOffset
                            + "; for deeper pages pass the previous page's next cursor as after");
        }
        AvailableProductPage result = queries.listProducts(new ProductListQuery(
                category == null ? null : new CategoryId(category), order, paging.page(), paging.size(), cursor));
        List<ProductResponse> items = new ArrayList<>(result.items().size());
        for (var p : result.items()) {
            items.add(ProductResponse.from(p));
        }
        return new ProductPageResponse(
                items, result.page(), result.size(), result.total(), ProductCursors.encode(result.next()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Response get(@PathParam("id") String id) {
        long productId = Params.positiveId("id", id);
        return queries.findProduct(new ProductId(productId))
                .map(p -> Response.ok(ProductResponse.from(p)).build())
                .orElseGet(() -> notFound(productId));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ProductRequest request, @Context UriInfo uri) {
        return switch (createProduct.create(request.toCreateCommand())) {
            case CreateProductUseCase.Result.Created c ->
                Response.created(uri.getBaseUriBuilder()
                                .path("api/v1/products/{id}")
                                .build(c.product().id()))
                        .entity(ProductResponse.from(c.product()))
                        .build();
            case CreateProductUseCase.Result.CategoryNotFound n -> unknownCategory();
        };
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, @Valid @NotNull ProductRequest request) {
        ProductId productId = new ProductId(Params.positiveId("id", id));
        return switch (updateProduct.update(request.toUpdateCommand(productId))) {
            case UpdateProductUseCase.Result.Updated u ->
                Response.ok(ProductResponse.from(u.product())).build();
            case UpdateProductUseCase.Result.NotFound n -> notFound(n.productId());
            case UpdateProductUseCase.Result.CategoryNotFound n -> unknownCategory();
        };
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String id) {
        ProductId productId = new ProductId(Params.positiveId("id", id));
        return switch (deleteProduct.delete(productId)) {
            case DeleteProductUseCase.Result.Deleted d -> Response.noContent().build();
            case DeleteProductUseCase.Result.NotFound n -> notFound(n.productId());
        };
    }

    private static Response notFound(long id) {
        return Problems.notFound("No product with id " + id);
    }

    private static Response unknownCategory() {
        return Problems.invalid("categoryId", "no such category");
    }
}
