package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductRepository;

class InMemoryProductRepositoryTest extends ProductRepositoryContract {

    private final InMemoryCategoryRepository categories = new InMemoryCategoryRepository();
    private final InMemoryProductRepository products = new InMemoryProductRepository();

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Override
    protected CategoryRepository categories() {
        return categories;
    }
}
