package io.shopcore.catalog.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CategoryPanacheRepository implements PanacheRepositoryBase<CategoryJpaEntity, Long> {}
