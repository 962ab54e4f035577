package io.shopcore.catalog.application;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.in.LoadDemoDataUseCase;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads {@link DemoCatalog} in one transaction. Categories are matched by name and products by
 * name within the demo categories, so a second run creates nothing.
 */
@ApplicationScoped
public class LoadDemoDataService implements LoadDemoDataUseCase {

    private final CategoryRepository categories;
    private final ProductRepository products;
    private final ProductStock stock;
    private final ProductCache cache;
    private final Clock clock;
    private final ProductEventPublisher events;

    public LoadDemoDataService(
            CategoryRepository categories,
            ProductRepository products,
            ProductStock stock,
            ProductCache cache,
            Clock clock,
            ProductEventPublisher events) {
        this.categories = categories;
        this.products = products;
        this.stock = stock;
        this.cache = cache;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Result load() {
        Instant now = clock.instant();
        List<CategoryId> ids = new ArrayList<>();
        List<Category> demoCategories = new ArrayList<>();
        int categoriesCreated = 0;
        for (String raw : DemoCatalog.categoryNames()) {
            CategoryName name = new CategoryName(raw);
            Category category = categories.findByName(name).orElse(null);
            if (category == null) {
                category = new Category(categories.nextId(), name, now);
                categories.save(category);
                categoriesCreated++;
            }
            ids.add(category.id());
            demoCategories.add(category);
        }
        Set<String> existing = products.activeNamesIn(ids);
        int productsCreated = 0;
        Product last = null;
        for (DemoCatalog.Item item : DemoCatalog.items()) {
            if (existing.contains(item.name())) {
                continue;
            }
            Product product = Product.create(
                    products.nextId(),
                    new ProductName(item.name()),
                    item.description(),
                    new Money(BigDecimal.valueOf(item.priceKrw()), Money.DEFAULT_CURRENCY),
                    ids.get(item.category()),
                    now);
            products.save(product);
            stock.register(product.id(), item.stock());
            productsCreated++;
            events.publish(new CatalogProductChanged(
                    product.id().value(),
                    CatalogProductChanged.Kind.CREATED,
                    ProductCatalogApiService.toApi(ProductViews.of(product, demoCategories.get(item.category())))));
            last = product;
        }
        if (last != null) {
            // One invalidation covers them all: any product change forgets every cached listing.
            cache.productChanged(last.id());
        }
        return new Result(categoriesCreated, productsCreated, ids.size(), (int) products.countActive());
    }
}
