package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link ProductRepository} in a map. Like the database it keeps copies: a product loaded and changed
 * is not changed here until it is saved (so a use case that forgets to save fails its test).
 * Kept honest by {@link ProductRepositoryContract}.
 */
public final class InMemoryProductRepository implements ProductRepository {

    private final Map<Long, Product> rows = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public ProductId nextId() {
        return new ProductId(sequence.incrementAndGet());
    }

    @Override
    public void save(Product product) {
        rows.put(product.id().value(), copy(product));
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return Optional.ofNullable(rows.get(id.value())).map(InMemoryProductRepository::copy);
    }

    @Override
    public Set<String> activeNamesIn(Collection<CategoryId> categories) {
        return active().filter(p -> categories.contains(p.categoryId()))
                .map(p -> p.name().value())
                .collect(Collectors.toSet());
    }

    @Override
    public long countActive() {
        return active().count();
    }

    /** Every stored product, deleted or not, ordered by id (copies). */
    public List<Product> all() {
        return rows.values().stream().map(InMemoryProductRepository::copy).toList();
    }

    private Stream<Product> active() {
        return rows.values().stream().filter(p -> !p.isDeleted());
    }

    private static Product copy(Product p) {
        return Product.reconstitute(
                p.id(),
                p.name(),
                p.description(),
                p.price(),
                p.categoryId(),
                p.createdAt(),
                p.updatedAt(),
                p.deletedAt());
    }
}
