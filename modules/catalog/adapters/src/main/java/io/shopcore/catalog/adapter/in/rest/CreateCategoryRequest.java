package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
import io.shopcore.catalog.domain.CategoryName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateCategoryRequest(
        @NotBlank @Size(max = CategoryName.MAX_LENGTH) String name) {

    CreateCategoryUseCase.Command toCommand() {
        return new CreateCategoryUseCase.Command(new CategoryName(name));
    }
}
