package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductName;
import java.util.Objects;

/** The editable fields of a product, already validated by their value types. */
public record ProductDraft(ProductName name, String description, Money price, CategoryId categoryId) {

    public ProductDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(categoryId, "categoryId");
    }
}
