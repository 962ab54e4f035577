package io.shopcore.catalog.application.port.in;

/**
 * Creates the demo catalog (10 categories, 1,000 products with stock). Idempotent: what exists is
 * kept, only what is missing is created.
 */
public interface LoadDemoDataUseCase {

    Result load();

    record Result(int categoriesCreated, int productsCreated, int categoriesTotal, int productsTotal) {}
}
