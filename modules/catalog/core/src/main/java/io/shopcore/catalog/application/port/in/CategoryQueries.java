package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.Category;
import java.util.List;

/** Reads of categories. */
public interface CategoryQueries {

    /** All categories, ordered by id. */
    List<Category> listCategories();
}
