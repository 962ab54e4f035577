package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.ProductDraft;
import io.shopcore.catalog.application.port.in.UpdateProductUseCase;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Description;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Body of {@code POST /products} and {@code PUT /products/{id}}. Anything else in the body (id,
 * available, timestamps, ...) is rejected by the strict JSON settings. {@code initialStock} only
 * matters on creation; stock changes later go through the stock module's adjustments.
 */
public record ProductRequest(
        @NotBlank @Size(max = ProductName.MAX_LENGTH) String name,
        @Size(max = Description.MAX_LENGTH) String description,
        @NotNull @DecimalMin(value = "0") BigDecimal price,

        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as KRW")
        String currency,

        @NotNull @Positive Long categoryId,

        @PositiveOrZero @Max(CreateProductUseCase.Command.MAX_INITIAL_STOCK)
        Integer initialStock) {

    ProductDraft toDraft() {
        return new ProductDraft(
                new ProductName(name), description, Money.of(price, currency), new CategoryId(categoryId));
    }

    CreateProductUseCase.Command toCreateCommand() {
        return new CreateProductUseCase.Command(toDraft(), initialStock == null ? 0 : initialStock);
    }

    UpdateProductUseCase.Command toUpdateCommand(ProductId id) {
        return new UpdateProductUseCase.Command(id, toDraft());
    }
}
