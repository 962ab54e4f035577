package io.shopcore.catalog.application;

import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.ProductCursor;
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
 * a miss, one load per key and cache generation however many requests miss at once), and availability
 * is one batched stock read per request, merged fresh every time.
 *
 * <p>Loads are shared only between lookups that saw the same cache generation: a reader that arrives
 * after a write's invalidation never joins a load that started before it (read-your-write). Only pages
 * with products are cached, so the cached key space is bounded by the data: a page past the last one, an
 * unknown or empty category, or a cursor page is answered without caching.
 */
@ApplicationScoped
public class ProductQueryService implements ProductQueries {

    private final ProductReadModel readModel;
    private final ProductCache cache;
    private final ProductStock stock;
    private final SingleFlight<Flight<ProductListQuery>, ProductPage> pageLoads = new SingleFlight<>();
    private final SingleFlight<Flight<ProductId>, Optional<ProductView>> productLoads = new SingleFlight<>();

    /** A single-flight key: what is loaded, and the cache generation its lookup saw. */
    private record Flight<K>(String generation, K key) {}

    public ProductQueryService(ProductReadModel readModel, ProductCache cache, ProductStock stock) {
        this.readModel = readModel;
        this.cache = cache;
        this.stock = stock;
    }

    @Override
    public AvailableProductPage listProducts(ProductListQuery query) {
        ProductPage page;
        if (query.byCursor()) {
            // Keyset pages are one index range scan each (the read model bounds how many run at once); caching
            // them would let any cursor mint a key, and sharing their loads would need a generation to key on.
            page = readModel.findPage(query);
        } else {
            ProductCache.Lookup<ProductPage> lookup = cache.page(query);
            page = lookup.cached()
                    .orElseGet(() -> pageLoads.load(new Flight<>(lookup.generation(), query), () -> {
                        ProductPage loaded = readModel.findPage(query);
                        if (!loaded.items().isEmpty()) {
                            lookup.fill(loaded);
                        }
                        return loaded;
                    }));
        }
        return new AvailableProductPage(
                withAvailability(page.items()),
                query.byCursor() ? null : query.page(),
                query.size(),
                page.total(),
                next(query, page));
    }

    /** Where the following page starts: after this page's last product, unless this page is the last. */
    private static ProductCursor next(ProductListQuery query, ProductPage page) {
        List<ProductView> items = page.items();
        if (items.size() < query.size()) {
            return null;
        }
        if (!query.byCursor() && query.offset() + items.size() >= page.total()) {
            return null;
        }
        return ProductCursor.after(items.getLast(), query.sort());
    }

    @Override
    public Optional<AvailableProduct> findProduct(ProductId id) {
        ProductCache.Lookup<ProductView> lookup = cache.product(id);
        Optional<ProductView> view = lookup.cached()
                .or(() -> productLoads.load(new Flight<>(lookup.generation(), id), () -> {
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
