package io.shopcore.catalog.application;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.in.DeleteProductUseCase;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Soft delete: the product disappears from reads, and stock stops taking reservations for it. */
@ApplicationScoped
public class DeleteProductService implements DeleteProductUseCase {

    private final ProductRepository products;
    private final ProductStock stock;
    private final ProductCache cache;
    private final Clock clock;
    private final ProductEventPublisher events;

    public DeleteProductService(
            ProductRepository products,
            ProductStock stock,
            ProductCache cache,
            Clock clock,
            ProductEventPublisher events) {
        this.products = products;
        this.stock = stock;
        this.cache = cache;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Result delete(ProductId id) {
        Optional<Product> found = products.findById(id).filter(p -> !p.isDeleted());
        if (found.isEmpty()) {
            return new Result.NotFound(id.value());
        }
        Product product = found.get();
        product.delete(clock.instant());
        products.save(product);
        stock.retire(id);
        cache.productChanged(id);
        events.publish(new CatalogProductChanged(id.value(), CatalogProductChanged.Kind.DELETED, null));
        return new Result.Deleted(id.value());
    }
}
