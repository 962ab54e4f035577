package io.shopcore.catalog.adapter.out.persistence;

import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.store.TranslateStoreFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The write side of products, through Hibernate (the read side is {@link JdbcProductReadModel}). */
@ApplicationScoped
@TranslateStoreFailures("catalog")
public class JpaProductRepository implements ProductRepository {

    private final ProductPanacheRepository panache;

    public JpaProductRepository(ProductPanacheRepository panache) {
        this.panache = panache;
    }

    @Override
    public ProductId nextId() {
        Number next = (Number) panache.getEntityManager()
                .createNativeQuery("select nextval('catalog.product_id_seq')")
                .getSingleResult();
        return new ProductId(next.longValue());
    }

    @Override
    public void save(Product product) {
        ProductJpaEntity entity = panache.findById(product.id().value());
        if (entity == null) {
            entity = new ProductJpaEntity();
            entity.copyFrom(product);
            panache.persist(entity);
        } else {
            entity.copyFrom(product);
        }
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return panache.findByIdOptional(id.value()).map(ProductJpaEntity::toDomain);
    }

    @Override
    public Set<String> activeNamesIn(Collection<CategoryId> categories) {
        if (categories.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = categories.stream().map(CategoryId::value).toList();
        List<String> names = panache.getEntityManager()
                .createQuery(
                        "select p.name from ProductJpaEntity p where p.deletedAt is null and p.categoryId in :ids",
                        String.class)
                .setParameter("ids", ids)
                .getResultList();
        return new HashSet<>(names);
    }

    @Override
    public long countActive() {
        return panache.count("deletedAt is null");
    }
}
