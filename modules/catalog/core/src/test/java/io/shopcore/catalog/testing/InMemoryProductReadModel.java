package io.shopcore.catalog.testing;

import io.shopcore.catalog.application.ProductViews;
import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@link ProductReadModel} over the in-memory repositories, as the JDBC adapter reads the same tables
 * the JPA repositories write. Kept honest by {@link ProductReadModelContract}.
 */
public final class InMemoryProductReadModel implements ProductReadModel {

    private final InMemoryProductRepository products;
    private final InMemoryCategoryRepository categories;
    private final AtomicInteger pageQueries = new AtomicInteger();

    public InMemoryProductReadModel(InMemoryProductRepository products, InMemoryCategoryRepository categories) {
        this.products = products;
        this.categories = categories;
    }

    @Override
    public ProductPage findPage(ProductListQuery query) {
        pageQueries.incrementAndGet();
        Comparator<ProductView> order = switch (query.sort()) {
            case ID -> Comparator.comparingLong(ProductView::id);
            case PRICE -> Comparator.comparing(ProductView::price).thenComparingLong(ProductView::id);
            case PRICE_DESC ->
                Comparator.comparing(ProductView::price).reversed().thenComparingLong(ProductView::id);
            case NAME -> Comparator.comparing(ProductView::name).thenComparingLong(ProductView::id);
        };
        List<ProductView> matching = active().filter(v -> query.categoryId() == null
                        || v.categoryId() == query.categoryId().value())
                .sorted(order)
                .toList();
        if (query.byCursor()) {
            ProductCursor after = query.after();
            ProductView position = new ProductView(
                    after.id(),
                    after.name() == null ? "" : after.name(),
                    null,
                    after.price() == null ? BigDecimal.ZERO : after.price(),
                    "KRW",
                    0,
                    "",
                    Instant.EPOCH,
                    Instant.EPOCH);
            return new ProductPage(
                    matching.stream()
                            .filter(v -> order.compare(v, position) > 0)
                            .limit(query.size())
                            .toList(),
                    matching.size());
        }
        return new ProductPage(
                matching.stream().skip(query.offset()).limit(query.size()).toList(), matching.size());
    }

    @Override
    public Optional<ProductView> findView(ProductId id) {
        return active().filter(v -> v.id() == id.value()).findFirst();
    }

    @Override
    public List<ProductView> findActiveAfter(long afterId, int limit) {
        return active().filter(v -> v.id() > afterId).limit(limit).toList();
    }

    /** How many pages were read (a cache test asks whether a listing reached the "database"). */
    public int pageQueries() {
        return pageQueries.get();
    }

    private Stream<ProductView> active() {
        return products.all().stream().filter(p -> !p.isDeleted()).map(this::view);
    }

    private ProductView view(Product p) {
        return ProductViews.of(p, categories.findById(p.categoryId()).orElseThrow());
    }
}
