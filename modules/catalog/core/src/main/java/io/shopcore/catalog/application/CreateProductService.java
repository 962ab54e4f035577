package io.shopcore.catalog.application;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.ProductDraft;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Creates the product and its stock level in one transaction: both exist, or neither. */
@ApplicationScoped
public class CreateProductService implements CreateProductUseCase {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final ProductStock stock;
    private final ProductCache cache;
    private final Clock clock;
    private final ProductEventPublisher events;

    public CreateProductService(
            ProductRepository products,
            CategoryRepository categories,
            ProductStock stock,
            ProductCache cache,
            Clock clock,
            ProductEventPublisher events) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.cache = cache;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Result create(Command command) {
        ProductDraft draft = command.product();
        Optional<Category> category = categories.findById(draft.categoryId());
        if (category.isEmpty()) {
            return new Result.CategoryNotFound(draft.categoryId().value());
        }
        Product product = Product.create(
                products.nextId(),
                draft.name(),
                draft.description(),
                draft.price(),
                draft.categoryId(),
                clock.instant());
        products.save(product);
        stock.register(product.id(), command.initialStock());
        cache.productChanged(product.id());
        ProductView view = ProductViews.of(product, category.get());
        events.publish(new CatalogProductChanged(
                view.id(), CatalogProductChanged.Kind.CREATED, ProductCatalogApiService.toApi(view)));
        return new Result.Created(new AvailableProduct(view, command.initialStock()));
    }
}
