package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.ProductId;
import java.util.List;
import java.util.Optional;

/**
 * The read side of products, projected straight into views. Must answer a page with a bounded
 * number of statements whatever its size (no per-row queries), and needs no transaction.
 */
public interface ProductReadModel {

    ProductPage findPage(ProductListQuery query);

    /** The active product's view; empty when unknown or deleted. */
    Optional<ProductView> findView(ProductId id);

    /** Active products with id greater than {@code afterId}, ordered by id, at most {@code limit}. */
    List<ProductView> findActiveAfter(long afterId, int limit);
}
