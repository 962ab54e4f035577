package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.DeleteProductUseCase;
import io.shopcore.catalog.application.port.in.ProductQueries;
import io.shopcore.catalog.application.port.in.UpdateProductUseCase;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.openapi.ApiDocs;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Products. Parameters are taken as text and parsed here, so a bad value is a 400
 * {@code validation_failed} naming it (not a 404 or a bare 400 from the framework).
 */
@Path("/api/v1/products")
@Tag(name = "Catalog")
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
    @Operation(
            operationId = "listProducts",
            summary = "List products, a page at a time",
            description = "Products that are not deleted, with the units available right now. Filter by category and"
                    + " sort by `id` (default), `price`, `-price` (highest first) or `name`. Walk deep lists with the"
                    + " cursor: pass the answer's `next` as `after` (page numbers stop at"
                    + " `shopcore.catalog.listing.max-offset` items).")
    @APIResponse(responseCode = "200", description = "One page of products.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed")
    public ProductPageResponse list(
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
                    String size,
            @Parameter(
                            description = "Only products of this category.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @QueryParam("categoryId")
                    String categoryId,
            @Parameter(
                            description = "Sort order.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"id", "price", "-price", "name"},
                                            defaultValue = "id"))
                    @QueryParam("sort")
                    String sort,
            @Parameter(
                            description = "Cursor: the `next` of the previous answer; returns the page after it."
                                    + " Not combined with `page`.",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("after")
                    String after) {
        AvailableProductPage result =
                queries.listProducts(ProductListParameters.parse(page, size, categoryId, sort, after, maxOffset));
        return new ProductPageResponse(
                result.items().stream().map(ProductResponse::from).toList(),
                result.page(),
                result.size(),
                result.total(),
                ProductCursors.encode(result.next()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(
            operationId = "getProduct",
            summary = "Get one product",
            description = "404 `not_found` for an unknown or deleted product.")
    @APIResponse(
            responseCode = "200",
            description = "The product.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found")
    public Response get(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("id")
                    String id) {
        long productId = Params.positiveId("id", id);
        return queries.findProduct(new ProductId(productId))
                .map(p -> Response.ok(ProductResponse.from(p)).build())
                .orElseGet(() -> notFound(productId));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "createProduct",
            summary = "Create a product (admin)",
            description = "Creates the product and its stock (`initialStock` units, default 0). `currency` defaults to"
                    + " KRW. Fields not listed in the schema, including `id` and `available`, are rejected.")
    @APIResponse(
            responseCode = "201",
            description = "The product was created; `Location` is its URL.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductResponse.class)))
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ProductRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "product",
                                                            value =
                                                                    "{\"name\": \"Galaxy Buds 3\", \"description\": \"Wireless earbuds\", \"price\": 159000, \"currency\": \"KRW\", \"categoryId\": 1, \"initialStock\": 100}")))
                    @Valid
                    @NotNull
                    ProductRequest request,
            @Context UriInfo uri) {
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
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "updateProduct",
            summary = "Replace a product's details (admin)",
            description = "Same body as creation; `initialStock` is ignored (change stock with the stock adjustments).")
    @APIResponse(
            responseCode = "200",
            description = "The updated product.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_found")
    public Response update(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("id")
                    String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ProductRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "product",
                                                            value =
                                                                    "{\"name\": \"Galaxy Buds 3\", \"description\": \"Wireless earbuds\", \"price\": 159000, \"currency\": \"KRW\", \"categoryId\": 1, \"initialStock\": 100}")))
                    @Valid
                    @NotNull
                    ProductRequest request) {
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
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "deleteProduct",
            summary = "Delete a product (admin)",
            description = "A soft delete: the product disappears from listings and search, and cannot be reserved.")
    @APIResponse(responseCode = "204", description = "The product was deleted.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "validation_failed, not_found")
    public Response delete(
            @Parameter(
                            description = "The product id.",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("id")
                    String id) {
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
