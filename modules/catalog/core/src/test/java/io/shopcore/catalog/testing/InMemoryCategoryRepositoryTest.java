package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.CategoryRepository;

class InMemoryCategoryRepositoryTest extends CategoryRepositoryContract {

    private final InMemoryCategoryRepository categories = new InMemoryCategoryRepository();

    @Override
    protected CategoryRepository categories() {
        return categories;
    }
}
