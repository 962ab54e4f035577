package io.shopcore.catalog.application.port.out;

import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import java.util.List;
import java.util.Optional;

/** Stores categories; joins the caller's transaction. */
public interface CategoryRepository {

    CategoryId nextId();

    void save(Category category);

    Optional<Category> findById(CategoryId id);

    Optional<Category> findByName(CategoryName name);

    boolean exists(CategoryId id);

    /** All categories ordered by id. */
    List<Category> findAll();
}
