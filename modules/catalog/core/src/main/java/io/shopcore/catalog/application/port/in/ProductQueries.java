package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.ProductId;
import java.util.Optional;

/**
 * Reads of products, always with availability fresh from the stock module. A read port, so named
 * {@code <Noun>Queries} (STYLE.md); its operations carry the verbs ({@code listProducts},
 * {@code findProduct}).
 */
public interface ProductQueries {

    /** One page of active products; availability is fetched in one batched call for the whole page. */
    AvailableProductPage listProducts(ProductListQuery query);

    /** An active product; empty for an unknown or deleted one. */
    Optional<AvailableProduct> findProduct(ProductId id);
}
