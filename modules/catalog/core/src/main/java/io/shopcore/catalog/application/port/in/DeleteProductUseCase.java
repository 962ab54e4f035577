package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.ProductId;

/** Soft-deletes a product (admin); the stock module is told in the same transaction. */
public interface DeleteProductUseCase {

    Result delete(ProductId id);

    sealed interface Result {
        record Deleted(long productId) implements Result {}

        record NotFound(long productId) implements Result {}
    }
}
