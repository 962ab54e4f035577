package io.shopcore.search.application.port.in;

import io.shopcore.search.domain.IndexedProduct;

/**
 * Keeps the projection in step with the catalog, in the catalog's writing transaction: a product
 * is findable as soon as its creation commits, and changes show on the next search.
 */
public interface IndexProductsUseCase {

    void productChanged(IndexedProduct product);

    void productRemoved(long productId);
}
