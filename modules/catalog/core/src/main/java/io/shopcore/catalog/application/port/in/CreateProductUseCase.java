package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.InvalidCatalogValue;
import java.util.Objects;

/** Adds a product (admin) and, in the same transaction, its stock level. */
public interface CreateProductUseCase {

    Result create(Command command);

    record Command(ProductDraft product, int initialStock) {
        public static final int MAX_INITIAL_STOCK = 1_000_000_000;

        public Command {
            Objects.requireNonNull(product, "product");
            if (initialStock < 0 || initialStock > MAX_INITIAL_STOCK) {
                throw new InvalidCatalogValue("initialStock", "must be between 0 and " + MAX_INITIAL_STOCK);
            }
        }
    }

    sealed interface Result {
        record Created(AvailableProduct product) implements Result {}

        record CategoryNotFound(long categoryId) implements Result {}
    }
}
