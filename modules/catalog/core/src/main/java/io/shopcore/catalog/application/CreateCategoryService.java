package io.shopcore.catalog.application;

import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.domain.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class CreateCategoryService implements CreateCategoryUseCase {

    private final CategoryRepository categories;
    private final Clock clock;

    public CreateCategoryService(CategoryRepository categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result create(Command command) {
        if (categories.findByName(command.name()).isPresent()) {
            return new Result.NameTaken(command.name().value());
        }
        Category category = new Category(categories.nextId(), command.name(), clock.instant());
        categories.save(category);
        return new Result.Created(category);
    }
}
