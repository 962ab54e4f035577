package io.shopcore.search.application.port.out;

import io.shopcore.search.domain.IndexedProduct;
import java.util.List;

/** The catalog's active products, walked in id order (a rebuild reads the whole catalog through it). */
public interface CatalogFeed {

    /** Active products with an id greater than {@code afterId}, by id, at most {@code limit} (1..1000). */
    List<IndexedProduct> productsAfter(long afterId, int limit);
}
