package io.shopcore.catalog.application.port.in;

import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryName;
import java.util.Objects;

/** Adds a category (admin). */
public interface CreateCategoryUseCase {

    Result create(Command command);

    record Command(CategoryName name) {
        public Command {
            Objects.requireNonNull(name, "name");
        }
    }

    sealed interface Result {
        record Created(Category category) implements Result {}

        record NameTaken(String name) implements Result {}
    }
}
