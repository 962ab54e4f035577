package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.ProductDraft;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.UpdateProductUseCase;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import io.shopcore.catalog.testing.HoldFirstLoad;
import io.shopcore.catalog.testing.InMemoryCategoryRepository;
import io.shopcore.catalog.testing.InMemoryProductCache;
import io.shopcore.catalog.testing.InMemoryProductReadModel;
import io.shopcore.catalog.testing.InMemoryProductRepository;
import io.shopcore.catalog.testing.InMemoryProductStock;
import io.shopcore.catalog.testing.RecordingProductEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read path's scale rules: cursors, a bounded cached key space, and read-your-write under single flight. */
class ProductReadPathTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final ExecutorService threads = Executors.newCachedThreadPool();
    InMemoryCategoryRepository categories;
    InMemoryProductRepository products;
    InMemoryProductReadModel readModel;
    InMemoryProductStock stock;
    InMemoryProductCache cache;
    CreateProductService create;
    UpdateProductService update;
    CategoryId category;

    @BeforeEach
    void setUp() {
        categories = new InMemoryCategoryRepository();
        products = new InMemoryProductRepository();
        readModel = new InMemoryProductReadModel(products, categories);
        stock = new InMemoryProductStock();
        cache = new InMemoryProductCache();
        var events = new RecordingProductEventPublisher();
        create = new CreateProductService(products, categories, stock, cache, clock, events);
        update = new UpdateProductService(products, categories, stock, cache, clock, events);
        var created = new CreateCategoryService(categories, clock)
                .create(new CreateCategoryUseCase.Command(new CategoryName("도서 Books")));
        category = ((CreateCategoryUseCase.Result.Created) created).category().id();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    ProductId createProduct(String name, long price) {
        var r = create.create(new CreateProductUseCase.Command(draft(name, price), 1));
        return new ProductId(((CreateProductUseCase.Result.Created) r).product().id());
    }

    ProductDraft draft(String name, long price) {
        return new ProductDraft(new ProductName(name), null, Money.krw(price), category);
    }

    @Test
    void givenPagesPastTheLastOrAnUnknownCategory_list_answersWithoutCaching() {
        createProduct("a", 100);
        ProductQueryService queries = new ProductQueryService(readModel, cache, stock);

        AvailableProductPage past = queries.listProducts(new ProductListQuery(null, ProductSort.ID, 7, 20));
        AvailableProductPage unknown =
                queries.listProducts(new ProductListQuery(new CategoryId(999_999), ProductSort.ID, 0, 20));

        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(1);
        assertThat(unknown.items()).isEmpty();
        assertThat(unknown.total()).isZero();
        assertThat(cache.size()).isZero();
        queries.listProducts(new ProductListQuery(null, ProductSort.ID, 0, 20));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void givenMorePagesThanOne_list_givesANextCursorThatWalksToTheEndUncached() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createProduct("p" + i, 1000 - i % 3).value());
        }
        ProductQueryService queries = new ProductQueryService(readModel, cache, stock);

        for (ProductSort sort : ProductSort.values()) {
            List<Long> expected = ids(queries.listProducts(new ProductListQuery(null, sort, 0, 100)));
            AvailableProductPage first = queries.listProducts(new ProductListQuery(null, sort, 0, 3));
            assertThat(first.page()).isZero();
            List<Long> walked = new ArrayList<>(ids(first));
            AvailableProductPage current = first;
            int cursorPages = 0;
            while (current.next() != null) {
                current = queries.listProducts(new ProductListQuery(null, sort, 0, 3, current.next()));
                assertThat(current.page()).isNull();
                assertThat(current.total()).isEqualTo(7);
                walked.addAll(ids(current));
                cursorPages++;
            }
            assertThat(walked).as(sort.token()).isEqualTo(expected).hasSameElementsAs(created);
            assertThat(cursorPages).isEqualTo(2);
        }
        // The last numbered page knows it is the last.
        assertThat(queries.listProducts(new ProductListQuery(null, ProductSort.ID, 2, 3))
                        .next())
                .isNull();
        assertThat(queries.listProducts(new ProductListQuery(null, ProductSort.ID, 1, 3))
                        .next())
                .isNotNull();
        // Numbered pages (two sizes per sort) were cached; cursor pages never are.
        assertThat(cache.size()).isEqualTo(2 * ProductSort.values().length + 2);
    }

    /**
     * Read-your-write under single flight: a load that started before a write must not be handed to a
     * reader that arrives after the write's invalidation, nor land in the cache after it.
     */
    @Test
    void givenALoadStartedBeforeAnUpdate_aReadAfterTheUpdate_neitherJoinsItNorSeesItsValue() throws Exception {
        ProductId id = createProduct("old name", 100);
        CountDownLatch loadedOld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProductQueryService queries =
                new ProductQueryService(new HoldFirstLoad(readModel, loadedOld, release), cache, stock);

        // Reader A misses and loads the old row, then stalls before filling the cache.
        Future<Optional<AvailableProduct>> a = threads.submit(() -> queries.findProduct(id));
        assertThat(loadedOld.await(10, TimeUnit.SECONDS)).isTrue();

        // The update commits (and invalidates) while A's load is still in flight.
        assertThat(update.update(new UpdateProductUseCase.Command(id, draft("new name", 200))))
                .isInstanceOf(UpdateProductUseCase.Result.Updated.class);

        // The writer reads back at once: it must not wait for A's load (it would hang here) nor get its value.
        Future<Optional<AvailableProduct>> b = threads.submit(() -> queries.findProduct(id));
        assertThat(b.get(10, TimeUnit.SECONDS).orElseThrow().view().name()).isEqualTo("new name");

        // A finishes: its own answer is the old row (it asked first), but it must not overwrite the cache.
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS).orElseThrow().view().name()).isEqualTo("old name");
        assertThat(queries.findProduct(id).orElseThrow().view().name()).isEqualTo("new name");
    }

    @Test
    void givenAPageLoadStartedBeforeAnUpdate_aListAfterTheUpdate_showsTheUpdate() throws Exception {
        ProductId id = createProduct("old name", 100);
        CountDownLatch loadedOld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProductQueryService queries =
                new ProductQueryService(new HoldFirstLoad(readModel, loadedOld, release), cache, stock);
        ProductListQuery page = new ProductListQuery(category, ProductSort.ID, 0, 20);

        Future<AvailableProductPage> a = threads.submit(() -> queries.listProducts(page));
        assertThat(loadedOld.await(10, TimeUnit.SECONDS)).isTrue();
        update.update(new UpdateProductUseCase.Command(id, draft("new name", 200)));

        Future<AvailableProductPage> b = threads.submit(() -> queries.listProducts(page));
        assertThat(b.get(10, TimeUnit.SECONDS).items().getFirst().view().name()).isEqualTo("new name");
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS).items().getFirst().view().name()).isEqualTo("old name");
        assertThat(queries.listProducts(page).items().getFirst().view().name()).isEqualTo("new name");
    }

    private static List<Long> ids(AvailableProductPage page) {
        return page.items().stream().map(AvailableProduct::id).toList();
    }
}
