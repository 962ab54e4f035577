package io.shopcore.catalog.application;

import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.application.port.out.ProductEventPublisher;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** In-memory fakes of the catalog's out-ports, for use-case tests without a framework. */
final class Fakes {

    private Fakes() {}

    static final class InMemoryCategoryRepository implements CategoryRepository {
        final Map<Long, Category> rows = new TreeMap<>();
        final AtomicLong seq = new AtomicLong();

        public CategoryId nextId() { return new CategoryId(seq.incrementAndGet()); }
        public void save(Category c) { rows.put(c.id().value(), c); }
        public Optional<Category> findById(CategoryId id) { return Optional.ofNullable(rows.get(id.value())); }
        public Optional<Category> findByName(CategoryName n) { return rows.values().stream().filter(c -> c.name().equals(n)).findFirst(); }
        public boolean exists(CategoryId id) { return rows.containsKey(id.value()); }
        public List<Category> findAll() { return List.copyOf(rows.values()); }
    }

    /** Products, and the read model over them (as the JDBC adapter reads the same tables). */
    static final class InMemoryProducts implements ProductRepository, ProductReadModel {
        final Map<Long, Product> rows = new TreeMap<>();
        final AtomicLong seq = new AtomicLong();
        final InMemoryCategoryRepository categories;
        final AtomicInteger pageQueries = new AtomicInteger();

        InMemoryProducts(InMemoryCategoryRepository categories) { this.categories = categories; }

        public ProductId nextId() { return new ProductId(seq.incrementAndGet()); }
        public void save(Product p) { rows.put(p.id().value(), p); }
        public Optional<Product> findById(ProductId id) { return Optional.ofNullable(rows.get(id.value())); }
        public Set<String> activeNamesIn(Collection<CategoryId> cats) {
            return rows.values().stream().filter(p -> !p.isDeleted() && cats.contains(p.categoryId()))
                    .map(p -> p.name().value()).collect(Collectors.toSet());
        }
        public long countActive() { return rows.values().stream().filter(p -> !p.isDeleted()).count(); }

        public ProductPage findPage(ProductListQuery q) {
            pageQueries.incrementAndGet();
            Comparator<ProductView> order = switch (q.sort()) {
                case ID -> Comparator.comparingLong(ProductView::id);
                case PRICE -> Comparator.comparing(ProductView::price).thenComparingLong(ProductView::id);
                case PRICE_DESC -> Comparator.comparing(ProductView::price).reversed().thenComparingLong(ProductView::id);
                case NAME -> Comparator.comparing(ProductView::name).thenComparingLong(ProductView::id);
            };
            List<ProductView> all = active().filter(v -> q.categoryId() == null || v.categoryId() == q.categoryId().value())
                    .sorted(order).toList();
            return new ProductPage(all.stream().skip(q.offset()).limit(q.size()).toList(), all.size());
        }
        public Optional<ProductView> findView(ProductId id) { return active().filter(v -> v.id() == id.value()).findFirst(); }
        public List<ProductView> findActiveAfter(long afterId, int limit) {
            return active().filter(v -> v.id() > afterId).limit(limit).toList();
        }
        private java.util.stream.Stream<ProductView> active() {
            return rows.values().stream().filter(p -> !p.isDeleted())
                    .map(p -> ProductViews.of(p, categories.findById(p.categoryId()).orElseThrow()));
        }
    }

    static final class FakeStock implements ProductStock {
        final Map<Long, Integer> levels = new HashMap<>();
        final Set<Long> retired = new java.util.HashSet<>();
        final AtomicInteger lookups = new AtomicInteger();

        public Map<Long, Integer> availableFor(Collection<Long> ids) {
            lookups.incrementAndGet();
            Map<Long, Integer> out = new HashMap<>();
            ids.forEach(id -> { if (levels.containsKey(id)) out.put(id, levels.get(id)); });
            return out;
        }
        public void register(ProductId id, int initial) { levels.put(id.value(), initial); }
        public void retire(ProductId id) { retired.add(id.value()); }
    }

    /** A plain map cache with generations, like the Redis adapter's contract. */
    static final class MapCache implements ProductCache {
        final Map<String, Object> entries = new HashMap<>();
        final AtomicLong generation = new AtomicLong();
        final List<ProductId> changed = new ArrayList<>();

        public Lookup<ProductPage> page(ProductListQuery q) { return lookup("p" + q.key()); }
        public Lookup<ProductView> product(ProductId id) { return lookup("v" + id.value()); }
        public void productChanged(ProductId id) { changed.add(id); generation.incrementAndGet(); entries.clear(); }

        @SuppressWarnings("unchecked")
        private <T> Lookup<T> lookup(String key) {
            Object v = entries.get(key);
            if (v != null) {
                return Lookup.hit((T) v);
            }
            long seen = generation.get();
            return new Lookup<>() {
                public Optional<T> cached() { return Optional.empty(); }
                public void fill(T loaded) { if (generation.get() == seen) entries.put(key, loaded); }
            };
        }
    }

    static final class RecordingEvents implements ProductEventPublisher {
        final List<CatalogProductChanged> events = new ArrayList<>();
        public void publish(CatalogProductChanged e) { events.add(e); }
    }
}
