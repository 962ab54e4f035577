package io.shopcore.catalog.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A product for sale. Deleting is soft: the row stays (orders and the stock ledger may refer to it)
 * but a deleted product is never shown or changed again.
 */
public final class Product {

    private final ProductId id;
    private ProductName name;
    private String description;
    private Money price;
    private CategoryId categoryId;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;

    private Product(
            ProductId id,
            ProductName name,
            String description,
            Money price,
            CategoryId categoryId,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Description.normalize(description);
        this.price = Objects.requireNonNull(price, "price");
        this.categoryId = Objects.requireNonNull(categoryId, "categoryId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.deletedAt = deletedAt;
    }

    public static Product create(
            ProductId id, ProductName name, String description, Money price, CategoryId categoryId, Instant now) {
        return new Product(id, name, description, price, categoryId, now, now, null);
    }

    /** Rebuilds a stored product; the one way persistence turns rows back into products. */
    public static Product reconstitute(
            ProductId id,
            ProductName name,
            String description,
            Money price,
            CategoryId categoryId,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt) {
        return new Product(id, name, description, price, categoryId, createdAt, updatedAt, deletedAt);
    }

    /** Replaces the editable fields (a full update, as PUT means). */
    public void update(ProductName name, String description, Money price, CategoryId categoryId, Instant now) {
        requireActive();
        this.name = Objects.requireNonNull(name, "name");
        this.description = Description.normalize(description);
        this.price = Objects.requireNonNull(price, "price");
        this.categoryId = Objects.requireNonNull(categoryId, "categoryId");
        this.updatedAt = now;
    }

    public void delete(Instant now) {
        requireActive();
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    private void requireActive() {
        if (isDeleted()) {
            throw new IllegalStateException("product " + id.value() + " is deleted");
        }
    }

    public ProductId id() {
        return id;
    }

    public ProductName name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Money price() {
        return price;
    }

    public CategoryId categoryId() {
        return categoryId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
