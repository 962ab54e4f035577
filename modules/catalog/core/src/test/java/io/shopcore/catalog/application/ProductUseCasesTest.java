package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.api.CatalogProductChanged;
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
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductUseCasesTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Fakes.InMemoryCategoryRepository categories;
    Fakes.InMemoryProducts products;
    Fakes.FakeStock stock;
    Fakes.MapCache cache;
    Fakes.RecordingEvents events;
    CreateProductService create;
    UpdateProductService update;
    DeleteProductService delete;
    ProductQueryService queries;
    CategoryId electronics;

    @BeforeEach
    void setUp() {
        categories = new Fakes.InMemoryCategoryRepository();
        products = new Fakes.InMemoryProducts(categories);
        stock = new Fakes.FakeStock();
        cache = new Fakes.MapCache();
        events = new Fakes.RecordingEvents();
        create = new CreateProductService(products, categories, stock, cache, clock, events);
        update = new UpdateProductService(products, categories, stock, cache, clock, events);
        delete = new DeleteProductService(products, stock, cache, clock, events);
        queries = new ProductQueryService(products, cache, stock);
        var created = new CreateCategoryService(categories, clock).create(new CreateCategoryUseCase.Command(new CategoryName("전자제품 Electronics")));
        electronics = ((CreateCategoryUseCase.Result.Created) created).category().id();
    }

    ProductId createProduct(String name, long price, int initialStock) {
        var r = create.create(new CreateProductUseCase.Command(draft(name, price, electronics), initialStock));
        return new ProductId(((CreateProductUseCase.Result.Created) r).product().product().id());
    }

    static ProductDraft draft(String name, long price, CategoryId category) {
        return new ProductDraft(new ProductName(name), null, Money.krw(price), category);
    }

    @Test
    void givenACategory_create_storesProductRegistersStockAndPublishes() {
        var r = create.create(new CreateProductUseCase.Command(draft("무선 이어폰", 39_000, electronics), 7));
        assertThat(r).isInstanceOf(CreateProductUseCase.Result.Created.class);
        var created = ((CreateProductUseCase.Result.Created) r).product();
        assertThat(created.available()).isEqualTo(7);
        assertThat(created.product().categoryName()).isEqualTo("전자제품 Electronics");
        assertThat(stock.levels).containsEntry(created.product().id(), 7);
        assertThat(cache.changed).hasSize(1);
        assertThat(events.events).singleElement().extracting(CatalogProductChanged::kind).isEqualTo(CatalogProductChanged.Kind.CREATED);
    }

    @Test
    void givenUnknownCategory_create_changesNothing() {
        var r = create.create(new CreateProductUseCase.Command(draft("x", 1, CategoryId.of(999)), 1));
        assertThat(r).isEqualTo(new CreateProductUseCase.Result.CategoryNotFound(999));
        assertThat(products.rows).isEmpty();
        assertThat(stock.levels).isEmpty();
    }

    @Test
    void givenAPage_list_asksStockOnceAndMergesAvailability() {
        for (int i = 0; i < 30; i++) {
            createProduct("p" + i, 1000 + i, i);
        }
        stock.lookups.set(0);
        AvailableProductPage page = queries.list(new ProductListQuery(null, ProductSort.PRICE_DESC, 0, 20));
        assertThat(page.items()).hasSize(20);
        assertThat(page.total()).isEqualTo(30);
        assertThat(page.items().getFirst().product().name()).isEqualTo("p29");
        assertThat(page.items().getFirst().available()).isEqualTo(29);
        assertThat(stock.lookups.get()).isEqualTo(1);
    }

    @Test
    void givenACachedPage_list_readsTheDatabaseOnceButAvailabilityEveryTime() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.list(q);
        stock.levels.put(id.value(), 3);
        AvailableProductPage second = queries.list(q);
        assertThat(products.pageQueries.get()).isEqualTo(1);
        assertThat(second.items().getFirst().available()).isEqualTo(3);
    }

    @Test
    void givenACachedPage_updateThenList_showsTheNewPrice() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.list(q);
        queries.byId(id);
        var r = update.update(new UpdateProductUseCase.Command(id, draft("b", 250, electronics)));
        assertThat(r).isInstanceOf(UpdateProductUseCase.Result.Updated.class);
        assertThat(queries.list(q).items().getFirst().product().price()).isEqualByComparingTo("250");
        assertThat(queries.byId(id).orElseThrow().product().name()).isEqualTo("b");
    }

    @Test
    void givenADeletedProduct_readsAndWrites_treatItAsGone() {
        ProductId id = createProduct("a", 100, 5);
        ProductListQuery q = new ProductListQuery(null, ProductSort.ID, 0, 20);
        queries.list(q);
        assertThat(delete.delete(id)).isInstanceOf(DeleteProductUseCase.Result.Deleted.class);
        assertThat(stock.retired).contains(id.value());
        assertThat(queries.list(q).items()).isEmpty();
        assertThat(queries.byId(id)).isEmpty();
        assertThat(delete.delete(id)).isInstanceOf(DeleteProductUseCase.Result.NotFound.class);
        assertThat(update.update(new UpdateProductUseCase.Command(id, draft("b", 1, electronics))))
                .isInstanceOf(UpdateProductUseCase.Result.NotFound.class);
    }

    @Test
    void givenUnknownCategory_update_changesNothing() {
        ProductId id = createProduct("a", 100, 5);
        var r = update.update(new UpdateProductUseCase.Command(id, draft("b", 1, CategoryId.of(42))));
        assertThat(r).isInstanceOf(UpdateProductUseCase.Result.CategoryNotFound.class);
        assertThat(products.rows.get(id.value()).name().value()).isEqualTo("a");
    }

    @Test
    void givenExistingName_createCategory_isNameTaken() {
        var r = new CreateCategoryService(categories, clock).create(new CreateCategoryUseCase.Command(new CategoryName("전자제품 Electronics")));
        assertThat(r).isInstanceOf(CreateCategoryUseCase.Result.NameTaken.class);
        assertThat(categories.findAll()).extracting(Category::id).containsExactly(electronics);
    }

    @Test
    void givenTheDemoLoader_runTwice_createsEverythingOnce() {
        var loader = new LoadDemoDataService(categories, products, stock, cache, clock, events);
        var first = loader.load();
        assertThat(first.categoriesCreated()).isEqualTo(9); // "전자제품 Electronics" existed already: reused
        assertThat(first.productsCreated()).isEqualTo(1000);
        assertThat(first.categoriesTotal()).isEqualTo(10);
        assertThat(stock.levels).hasSize(1000);
        var second = loader.load();
        assertThat(second.categoriesCreated()).isZero();
        assertThat(second.productsCreated()).isZero();
        assertThat(second.productsTotal()).isEqualTo(1000);
    }
}
