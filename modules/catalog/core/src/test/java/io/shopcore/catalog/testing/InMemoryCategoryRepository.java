package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link CategoryRepository} in a map; kept honest by {@link CategoryRepositoryContract}. */
public final class InMemoryCategoryRepository implements CategoryRepository {

    private final Map<Long, Category> rows = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public CategoryId nextId() {
        return new CategoryId(sequence.incrementAndGet());
    }

    @Override
    public void save(Category category) {
        rows.put(category.id().value(), category);
    }

    @Override
    public Optional<Category> findById(CategoryId id) {
        return Optional.ofNullable(rows.get(id.value()));
    }

    @Override
    public Optional<Category> findByName(CategoryName name) {
        return rows.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @Override
    public boolean exists(CategoryId id) {
        return rows.containsKey(id.value());
    }

    @Override
    public List<Category> findAll() {
        return List.copyOf(rows.values());
    }
}
