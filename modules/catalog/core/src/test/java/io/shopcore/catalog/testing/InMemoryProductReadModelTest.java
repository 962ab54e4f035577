package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.application.port.out.ProductRepository;

class InMemoryProductReadModelTest extends ProductReadModelContract {

    private final InMemoryCategoryRepository categories = new InMemoryCategoryRepository();
    private final InMemoryProductRepository products = new InMemoryProductRepository();
    private final InMemoryProductReadModel readModel = new InMemoryProductReadModel(products, categories);

    @Override
    protected ProductReadModel readModel() {
        return readModel;
    }

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Override
    protected CategoryRepository categories() {
        return categories;
    }
}
