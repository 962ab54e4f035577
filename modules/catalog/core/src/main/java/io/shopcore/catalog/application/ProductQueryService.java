package io.shopcore.catalog.application;

import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductQueries;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hot read path. Deliberately not transactional: the product part comes from the cache (or, on
 * a miss, one load per key however many requests miss at once), and availability is one batched
 * stock read per request, merged fresh every time.
 */
@ApplicationScoped
public class ProductQueryService implements ProductQueries {

    private final ProductReadModel readModel;
    private final ProductCache cache;
    private final ProductStock stock;
    private final SingleFlight<ProductListQuery, ProductPage> pageLoads = new SingleFlight<>();
    private final SingleFlight<ProductId, Optional<ProductView>> productLoads = new SingleFlight<>();

    public ProductQueryService(ProductReadModel readModel, ProductCache cache, ProductStock stock) {
        this.readModel = readModel;
        this.cache = cache;
        this.stock = stock;
    }

    @Override
    public AvailableProductPage listProducts(ProductListQuery query) {
        ProductCache.Lookup<ProductPage> lookup = cache.page(query);
        ProductPage page = lookup.cached()
                .orElseGet(() -> pageLoads.load(query, () -> {
                    ProductPage loaded = readModel.findPage(query);
                    lookup.fill(loaded);
                    return loaded;
                }));
        return new AvailableProductPage(withAvailability(page.items()), query.page(), query.size(), page.total());
    }

    @Override
    public Optional<AvailableProduct> findProduct(ProductId id) {
        ProductCache.Lookup<ProductView> lookup = cache.product(id);
        Optional<ProductView> view = lookup.cached()
                .or(() -> productLoads.load(id, () -> {
                    Optional<ProductView> loaded = readModel.findView(id);
                    loaded.ifPresent(lookup::fill);
                    return loaded;
                }));
        return view.map(
                v -> new AvailableProduct(v, stock.availableFor(List.of(v.id())).getOrDefault(v.id(), 0)));
    }

    private List<AvailableProduct> withAvailability(List<ProductView> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(views.size());
        for (ProductView v : views) {
            ids.add(v.id());
        }
        Map<Long, Integer> available = stock.availableFor(ids);
        List<AvailableProduct> items = new ArrayList<>(views.size());
        for (ProductView v : views) {
            items.add(new AvailableProduct(v, available.getOrDefault(v.id(), 0)));
        }
        return items;
    }
}
