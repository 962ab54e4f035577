package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Stores products (the write side); joins the caller's transaction. */
public interface ProductRepository {

    /** A fresh id, never handed out before. */
    ProductId nextId();

    /** Inserts a new product or writes back a changed one. */
    void save(Product product);

    /** The product, deleted or not; empty when the id was never used. */
    Optional<Product> findById(ProductId id);

    /** Names of the active products of these categories (the demo loader's idempotency check). */
    Set<String> activeNamesIn(Collection<CategoryId> categories);

    long countActive();
}
