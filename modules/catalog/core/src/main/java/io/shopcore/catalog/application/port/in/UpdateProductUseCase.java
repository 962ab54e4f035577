package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.ProductId;
import java.util.Objects;

/** Replaces a product's editable fields (admin). */
public interface UpdateProductUseCase {

    Result update(Command command);

    record Command(ProductId id, ProductDraft product) {
        public Command {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(product, "product");
        }
    }

    sealed interface Result {
        record Updated(AvailableProduct product) implements Result {}

        record NotFound(long productId) implements Result {}

        record CategoryNotFound(long categoryId) implements Result {}
    }
}
