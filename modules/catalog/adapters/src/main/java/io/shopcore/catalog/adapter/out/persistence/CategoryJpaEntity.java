package io.shopcore.catalog.adapter.out.persistence;

import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "categories", schema = "catalog")
public class CategoryJpaEntity {

    @Id
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static CategoryJpaEntity from(Category c) {
        CategoryJpaEntity e = new CategoryJpaEntity();
        e.id = c.id().value();
        e.name = c.name().value();
        e.createdAt = c.createdAt();
        return e;
    }

    Category toDomain() {
        return new Category(new CategoryId(id), new CategoryName(name), createdAt);
    }
}
