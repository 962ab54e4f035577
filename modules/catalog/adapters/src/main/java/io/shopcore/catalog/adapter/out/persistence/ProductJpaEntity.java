package io.shopcore.catalog.adapter.out.persistence;

import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The write model's row. The category is a plain id: the write side never needs the category row. */
@Entity
@Table(name = "products", schema = "catalog")
public class ProductJpaEntity {

    @Id
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal price;

    // char(3) in the schema; declaring the JDBC type keeps Hibernate's dev-mode schema validation quiet.
    @Column(nullable = false, length = 3, columnDefinition = "char(3)")
    @JdbcTypeCode(SqlTypes.CHAR)
    public String currency;

    @Column(name = "category_id", nullable = false)
    public Long categoryId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Optimistic locking: two admins editing one product cannot silently overwrite each other. */
    @Version
    public long version;

    void copyFrom(Product p) {
        id = p.id().value();
        name = p.name().value();
        description = p.description();
        price = p.price().amount();
        currency = p.price().currency();
        categoryId = p.categoryId().value();
        createdAt = p.createdAt();
        updatedAt = p.updatedAt();
        deletedAt = p.deletedAt();
    }

    Product toDomain() {
        return Product.reconstitute(
                new ProductId(id),
                new ProductName(name),
                description,
                new Money(price, currency.trim()),
                new CategoryId(categoryId),
                createdAt,
                updatedAt,
                deletedAt);
    }
}
