package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.CategoryQueries;
import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
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

@Path("/api/v1/categories")
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
    public List<CategoryResponse> list() {
        return queries.listCategories().stream().map(CategoryResponse::from).toList();
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateCategoryRequest request) {
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
