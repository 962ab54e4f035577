package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.CategoryQueries;
import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
import io.shopcore.infrastructure.openapi.ApiDocs;
import io.shopcore.infrastructure.problem.ProblemCode;
import io.shopcore.infrastructure.problem.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/categories")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final CategoryQueries queries;
    private final CreateCategoryUseCase createCategory;

    public CategoryResource(CategoryQueries queries, CreateCategoryUseCase createCategory) {
        this.queries = queries;
        this.createCategory = createCategory;
    }

    @GET
    @PermitAll
    @Operation(
            operationId = "listCategories",
            summary = "List all categories",
            description = "Every category, by id (not paginated: there are few).")
    @APIResponse(responseCode = "200", description = "The categories.")
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "not_acceptable")
    public List<CategoryResponse> list() {
        return queries.listCategories().stream().map(CategoryResponse::from).toList();
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDocs.BEARER, scopes = ApiDocs.ADMIN)
    @Operation(
            operationId = "createCategory",
            summary = "Create a category (admin)",
            description = "Names are unique; 409 `conflict` if one with this name exists.")
    @APIResponse(
            responseCode = "201",
            description = "The category was created.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CategoryResponse.class)))
    @Extension(name = ApiDocs.PROBLEM_CODES, value = "conflict")
    public Response create(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = CreateCategoryRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "category",
                                                            value = "{\"name\": \"Electronics\"}")))
                    @Valid
                    @NotNull
                    CreateCategoryRequest request) {
        return switch (createCategory.create(request.toCommand())) {
            case CreateCategoryUseCase.Result.Created c ->
                Response.status(Response.Status.CREATED)
                        .entity(CategoryResponse.from(c.category()))
                        .build();
            case CreateCategoryUseCase.Result.NameTaken t ->
                Problems.of(ProblemCode.CONFLICT, "A category named '" + t.name() + "' already exists");
        };
    }
}
