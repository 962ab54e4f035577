package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductName;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the catalog's port contracts share: a unit of work (a transaction for a real adapter, nothing
 * for a fake) and test data with unique names, so a contract can run against a shared database.
 */
public abstract class CatalogStoreSupport {

    /** Microsecond precision, as PostgreSQL keeps timestamps. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    protected static final Instant T1 = Instant.parse("2026-03-02T08:00:00.654321Z");

    /** Runs {@code work} as one unit of work; a real adapter runs it in its own transaction. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    protected final void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    protected final Category newCategory(CategoryRepository categories) {
        return inTransaction(() -> {
            Category category = new Category(categories.nextId(), new CategoryName(unique("카테고리 Category")), T0);
            categories.save(category);
            return category;
        });
    }

    protected final Product newProduct(
            ProductRepository products, Category category, String name, String price, String currency) {
        return inTransaction(() -> {
            Product product = Product.create(
                    products.nextId(),
                    new ProductName(name),
                    "설명 description",
                    Money.of(new BigDecimal(price), currency),
                    category.id(),
                    T0);
            products.save(product);
            return product;
        });
    }

    protected final void delete(ProductRepository products, Product product) {
        inTransaction(() -> {
            Product loaded = products.findById(product.id()).orElseThrow();
            loaded.delete(T1);
            products.save(loaded);
        });
    }
}
