package io.shopcore.catalog.api;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the catalog. Reads only active (not deleted) products. */
public interface ProductCatalogApi {

    /** The active product, or empty when unknown or deleted. */
    Optional<CatalogProduct> product(long productId);

    /**
     * Active products with an id greater than {@code afterId}, ordered by id, at most {@code limit}
     * (1..1000): walk the whole catalog by passing the last id seen, e.g. to rebuild an index.
     */
    List<CatalogProduct> productsAfter(long afterId, int limit);
}
