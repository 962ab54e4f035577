package io.shopcore.catalog.application;

import io.shopcore.catalog.application.port.in.CategoryQueries;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.domain.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
public class CategoryQueryService implements CategoryQueries {

    private final CategoryRepository categories;

    public CategoryQueryService(CategoryRepository categories) {
        this.categories = categories;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> listCategories() {
        return categories.findAll();
    }
}
