package io.shopcore.catalog.adapter.out.persistence;

import io.quarkus.panache.common.Sort;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@TranslateStoreFailures("catalog")
public class JpaCategoryRepository implements CategoryRepository {

    private final CategoryPanacheRepository panache;

    public JpaCategoryRepository(CategoryPanacheRepository panache) {
        this.panache = panache;
    }

    @Override
    public CategoryId nextId() {
        Number next = (Number) panache.getEntityManager()
                .createNativeQuery("select nextval('catalog.category_id_seq')")
                .getSingleResult();
        return new CategoryId(next.longValue());
    }

    @Override
    public void save(Category category) {
        CategoryJpaEntity existing = panache.findById(category.id().value());
        if (existing == null) {
            panache.persist(CategoryJpaEntity.from(category));
        } else {
            existing.name = category.name().value();
        }
    }

    @Override
    public Optional<Category> findById(CategoryId id) {
        return panache.findByIdOptional(id.value()).map(CategoryJpaEntity::toDomain);
    }

    @Override
    public Optional<Category> findByName(CategoryName name) {
        return panache.find("name", name.value()).firstResultOptional().map(CategoryJpaEntity::toDomain);
    }

    @Override
    public boolean exists(CategoryId id) {
        return panache.count("id", id.value()) > 0;
    }

    @Override
    public List<Category> findAll() {
        return panache.listAll(Sort.by("id")).stream()
                .map(CategoryJpaEntity::toDomain)
                .toList();
    }
}
