package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.api.CatalogProduct;
import io.shopcore.catalog.api.CatalogProductChanged;
import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.CreateCategoryUseCase;
import io.shopcore.catalog.application.port.in.CreateProductUseCase;
import io.shopcore.catalog.application.port.in.DeleteProductUseCase;
import io.shopcore.catalog.application.port.in.ProductDraft;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.UpdateProductUseCase;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import io.shopcore.catalog.testing.InMemoryCategoryRepository;
import io.shopcore.catalog.testing.InMemoryProductCache;
import io.shopcore.catalog.testing.InMemoryProductReadModel;
import io.shopcore.catalog.testing.InMemoryProductRepository;
import io.shopcore.catalog.testing.InMemoryProductStock;
import io.shopcore.catalog.testing.RecordingProductEventPublisher;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductUseCasesTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    InMemoryCategoryRepository categories;
    InMemoryProductRepository products;
    InMemoryProductReadModel readModel;
    InMemoryProductStock stock;
    InMemoryProductCache cache;
    RecordingProductEventPublisher events;
    CreateProductService create;
    UpdateProductService update;
    DeleteProductService delete;
    ProductQueryService queries;
    CategoryId electronics;

    @BeforeEach
    void setUp() {
        categories = new InMemoryCategoryRepository();
        products = new InMemoryProductRepository();
        readModel = new InMemoryProductReadModel(products, categories);
        stock = new InMemoryProductStock();
        cache = new InMemoryProductCache();
        events = new RecordingProductEventPublisher();
        create = new CreateProductService(products, categories, stock, cache, clock, events);
        update = new UpdateProductService(products, categories, stock, cache, clock, events);
        delete = new DeleteProductService(products, stock, cache, clock, events);
        queries = new ProductQueryService(readModel, cache, stock);
        var created = new CreateCategoryService(categories, clock)
                .create(new CreateCategoryUseCase.Command(new CategoryName("전자제품 Electronics")));
        electronics =
                ((CreateCategoryUseCase.Result.Created) created).category().id();
    }

    ProductId createProduct(String name, long price, int initialStock) {
        var r = create.create(new CreateProductUseCase.Command(draft(name, price, electronics), initialStock));
        return new ProductId(((CreateProductUseCase.Result.Created) r).product().id());
    }

    static ProductDraft draft(String name, long price, CategoryId category) {
        return new ProductDraft(new ProductName(name), null, Money.krw(price), category);
    }

    @Test
    void givenACategory_create_storesProductRegistersStockAndPublishes() {
        var r = create.create(new CreateProductUseCase.Command(
                new ProductDraft(new ProductName("무선 이어폰"), "좋은 소리", Money.krw(39_000), electronics), 7));
        assertThat(r).isInstanceOf(CreateProductUseCase.Result.Created.class);
        AvailableProduct created = ((CreateProductUseCase.Result.Created) r).product();
        assertThat(created.available()).isEqualTo(7);
        assertThat(created.view().categoryName()).isEqualTo("전자제품 Electronics");
        assertThat(created.view().createdAt()).isEqualTo(NOW);
        Product stored = products.findById(new ProductId(created.id())).orElseThrow();
        assertThat(stored.name().value()).isEqualTo("무선 이어폰");
        assertThat(stock.levels()).containsEntry(created.id(), 7);
        assertThat(cache.changed()).containsExactly(new ProductId(created.id()));
        assertThat(events.events())
                .containsExactly(new CatalogProductChanged(
                        created.id(),
                        CatalogProductChanged.Kind.CREATED,
                        new CatalogProduct(
                                created.id(),
                                "무선 이어폰",
                                "좋은 소리",
                                new BigDecimal("39000"),
                                "KRW",
                                electronics.value(),
                                "전자제품 Electronics")));
    }

    @Test
    void givenUnknownCategory_create_changesNothing() {
        var r = create.create(new CreateProductUseCase.Command(draft("x", 1, CategoryId.of(999)), 1));
        assertThat(r).isEqualTo(new CreateProductUseCase.Result.CategoryNotFound(999));
        assertThat(products.all()).isEmpty();
        assertThat(stock.levels()).isEmpty();
        assertThat(events.events()).isEmpty();
        assertThat(cache.changed()).isEmpty();
    }

    @Test
    void givenAPage_list_asksStockOnceAndMergesAvailability() {
        for (int i = 0; i < 30; i++) {
            createProduct("p" + i, 1000 + i, i);
        }
        stock.resetLookups();
        AvailableProductPage page = queries.listProducts(new ProductListQuery(null, ProductSort.PRICE_DESC, 1, 20));
        assertThat(page.items()).hasSize(10);
        assertThat(page.total()).isEqualTo(30);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.items().getFirst().view().name()).isEqualTo("p9");
        assertThat(page.items().getFirst().available()).isEqualTo(9);
        assertThat(page.items()).extracting(AvailableProduct::available).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(stock.lookups()).isEqualTo(1);
    }

    @Test
    void givenAnEmptyPage_list_asksStockNothing() {
        AvailableProductPage page = queries.listProducts(new ProductListQuery(null, ProductSort.ID, 0, 20));
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(stock.lookups()).isZero();
    }

    @Test
    void givenAProductWithoutStockLevel_list_showsZeroAvailable() {
        ProductId id = createProduct("a", 100, 5);
        stock.setAvailable(id.value(), 5);
        InMemoryProductStock empty = new InMemoryProductStock();
        var withoutStock = new ProductQueryService(readModel, cache, empty);
        assertThat(withoutStock
                        .listProducts(new ProductListQuery(null, ProductSort.ID, 0, 20))
                        .items())
                .extracting(AvailableProduct::available)
                .containsExactly(0);
        assertThat(withoutStock.findProduct(id).orElseThrow().available()).isZero();
    }

    @Test
    void givenACachedPage_list_readsTheDatabaseOnceButAvailabilityEveryTime() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.listProducts(q);
        stock.setAvailable(id.value(), 3);
        AvailableProductPage second = queries.listProducts(q);
        assertThat(readModel.pageQueries()).isEqualTo(1);
        assertThat(second.items().getFirst().available()).isEqualTo(3);
    }

    @Test
    void givenAProduct_findProduct_cachesTheViewButNotAvailability() {
        ProductId id = createProduct("a", 100, 5);
        assertThat(queries.findProduct(id).orElseThrow().available()).isEqualTo(5);
        assertThat(cache.size()).isEqualTo(1);
        stock.setAvailable(id.value(), 2);
        AvailableProduct again = queries.findProduct(id).orElseThrow();
        assertThat(again.available()).isEqualTo(2);
        assertThat(again.view().name()).isEqualTo("a");
    }

    @Test
    void givenAnUnknownProduct_findProduct_isEmptyAndCachesNothing() {
        assertThat(queries.findProduct(new ProductId(404))).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(stock.lookups()).isZero();
    }

    @Test
    void givenACachedPage_updateThenList_showsTheNewPrice() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.listProducts(q);
        queries.findProduct(id);
        var r = update.update(new UpdateProductUseCase.Command(id, draft("b", 250, electronics)));
        assertThat(r).isInstanceOf(UpdateProductUseCase.Result.Updated.class);
        assertThat(queries.listProducts(q).items().getFirst().view().price()).isEqualByComparingTo("250");
        assertThat(queries.findProduct(id).orElseThrow().view().name()).isEqualTo("b");
    }

    @Test
    void givenAProduct_update_savesPublishesAndAnswersWithAvailability() {
        ProductId id = createProduct("a", 100, 5);
        Category other = new Category(categories.nextId(), new CategoryName("패션 Fashion"), NOW);
        categories.save(other);
        stock.setAvailable(id.value(), 4);
        var r = update.update(new UpdateProductUseCase.Command(
                id, new ProductDraft(new ProductName("b"), "new text", Money.krw(250), other.id())));
        AvailableProduct updated = ((UpdateProductUseCase.Result.Updated) r).product();
        assertThat(updated.available()).isEqualTo(4);
        assertThat(updated.view().categoryName()).isEqualTo("패션 Fashion");
        Product stored = products.findById(id).orElseThrow();
        assertThat(stored.name().value()).isEqualTo("b");
        assertThat(stored.categoryId()).isEqualTo(other.id());
        assertThat(cache.changed()).containsExactly(id, id);
        assertThat(events.events())
                .last()
                .isEqualTo(new CatalogProductChanged(
                        id.value(),
                        CatalogProductChanged.Kind.UPDATED,
                        new CatalogProduct(
                                id.value(),
                                "b",
                                "new text",
                                new BigDecimal("250"),
                                "KRW",
                                other.id().value(),
                                "패션 Fashion")));
    }

    @Test
    void givenADeletedProduct_readsAndWrites_treatItAsGone() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.listProducts(q);
        assertThat(delete.delete(id)).isEqualTo(new DeleteProductUseCase.Result.Deleted(id.value()));
        assertThat(products.findById(id).orElseThrow().deletedAt()).isEqualTo(NOW);
        assertThat(stock.retired()).containsExactly(id.value());
        assertThat(events.events())
                .last()
                .isEqualTo(new CatalogProductChanged(id.value(), CatalogProductChanged.Kind.DELETED, null));
        assertThat(queries.listProducts(q).items()).isEmpty();
        assertThat(queries.findProduct(id)).isEmpty();
        int published = events.events().size();
        assertThat(delete.delete(id)).isEqualTo(new DeleteProductUseCase.Result.NotFound(id.value()));
        assertThat(update.update(new UpdateProductUseCase.Command(id, draft("b", 1, electronics))))
                .isEqualTo(new UpdateProductUseCase.Result.NotFound(id.value()));
        assertThat(events.events()).hasSize(published);
    }

    @Test
    void givenAnUnknownProduct_delete_isNotFoundAndChangesNothing() {
        assertThat(delete.delete(new ProductId(77))).isEqualTo(new DeleteProductUseCase.Result.NotFound(77));
        assertThat(stock.retired()).isEmpty();
        assertThat(cache.changed()).isEmpty();
    }

    @Test
    void givenUnknownCategory_update_changesNothing() {
        ProductId id = createProduct("a", 100, 5);
        int published = events.events().size();
        var r = update.update(new UpdateProductUseCase.Command(id, draft("b", 1, CategoryId.of(42))));
        assertThat(r).isEqualTo(new UpdateProductUseCase.Result.CategoryNotFound(42));
        assertThat(products.findById(id).orElseThrow().name().value()).isEqualTo("a");
        assertThat(events.events()).hasSize(published);
    }

    @Test
    void givenExistingName_createCategory_isNameTaken() {
        var r = new CreateCategoryService(categories, clock)
                .create(new CreateCategoryUseCase.Command(new CategoryName("전자제품 Electronics")));
        assertThat(r).isEqualTo(new CreateCategoryUseCase.Result.NameTaken("전자제품 Electronics"));
        assertThat(categories.findAll()).extracting(Category::id).containsExactly(electronics);
    }

    @Test
    void givenCategories_listCategories_listsThemAll() {
        var r = new CreateCategoryService(categories, clock)
                .create(new CreateCategoryUseCase.Command(new CategoryName("도서 Books")));
        Category books = ((CreateCategoryUseCase.Result.Created) r).category();
        assertThat(books.createdAt()).isEqualTo(NOW);
        assertThat(new CategoryQueryService(categories).listCategories())
                .extracting(c -> c.name().value())
                .containsExactly("전자제품 Electronics", "도서 Books");
    }

    @Test
    void givenTheDemoLoader_runTwice_createsEverythingOnce() {
        var loader = new LoadDemoDataService(categories, products, stock, cache, clock, events);
        var first = loader.load();
        assertThat(first.categoriesCreated()).isEqualTo(9); // "전자제품 Electronics" existed already: reused
        assertThat(first.productsCreated()).isEqualTo(1000);
        assertThat(first.categoriesTotal()).isEqualTo(10);
        assertThat(first.productsTotal()).isEqualTo(1000);
        assertThat(stock.levels()).hasSize(1000);
        assertThat(events.events()).hasSize(1000).allMatch(e -> e.kind() == CatalogProductChanged.Kind.CREATED);
        assertThat(events.events().getFirst().product().categoryName()).isEqualTo("전자제품 Electronics");
        assertThat(cache.changed()).hasSize(1);
        assertThat(categories.findAll()).hasSize(10);
        var second = loader.load();
        assertThat(second.categoriesCreated()).isZero();
        assertThat(second.productsCreated()).isZero();
        assertThat(second.categoriesTotal()).isEqualTo(10);
        assertThat(second.productsTotal()).isEqualTo(1000);
        assertThat(events.events()).hasSize(1000);
        assertThat(cache.changed()).hasSize(1);
    }
}
