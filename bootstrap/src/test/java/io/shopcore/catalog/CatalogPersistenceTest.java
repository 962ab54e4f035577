package io.shopcore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.adapter.out.persistence.JdbcProductReadModel;
import io.shopcore.catalog.adapter.out.persistence.JpaCategoryRepository;
import io.shopcore.catalog.adapter.out.persistence.JpaProductRepository;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import io.shopcore.catalog.support.CatalogApi;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The persistence adapters (JPA write side, JDBC read side) against the real PostgreSQL. */
@QuarkusTest
class CatalogPersistenceTest {

    @Inject
    JpaCategoryRepository categories;

    @Inject
    JpaProductRepository products;

    @Inject
    JdbcProductReadModel readModel;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    Category newCategory() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category c = new Category(categories.nextId(), new CategoryName(CatalogApi.unique("가구 Furniture")), now);
            categories.save(c);
            return c;
        });
    }

    Product newProduct(Category c, String name, String price, String currency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Product p = Product.create(
                    products.nextId(),
                    new ProductName(name),
                    "설명 description",
                    Money.of(new BigDecimal(price), currency),
                    c.id(),
                    now);
            products.save(p);
            return p;
        });
    }

    @Test
    void givenASavedProduct_findById_rebuildsItExactly() {
        Category c = newCategory();
        Product saved = newProduct(c, "한샘 원목 책상 Solid Wood Desk", "129000", "KRW");
        Product found = QuarkusTransaction.requiringNew()
                .call(() -> products.findById(saved.id()).orElseThrow());
        assertThat(found.name()).isEqualTo(saved.name());
        assertThat(found.price()).isEqualTo(Money.krw(129_000));
        assertThat(found.categoryId()).isEqualTo(c.id());
        assertThat(found.createdAt()).isEqualTo(now);
        assertThat(found.description()).isEqualTo("설명 description");
        assertThat(QuarkusTransaction.requiringNew().call(() -> categories.findByName(c.name())))
                .contains(c);
        assertThat(QuarkusTransaction.requiringNew().call(() -> categories.findById(c.id())))
                .contains(c);
    }

    @Test
    void givenProducts_findPage_sortsFiltersCountsAndSkipsDeleted() {
        Category c = newCategory();
        Product cheap = newProduct(c, "B 저렴한", "19.99", "USD");
        Product dear = newProduct(c, "A 비싼", "250.00", "USD");
        Product gone = newProduct(c, "C 삭제됨", "5", "USD");
        QuarkusTransaction.requiringNew().run(() -> {
            Product p = products.findById(gone.id()).orElseThrow();
            p.delete(Instant.now());
            products.save(p);
        });

        ProductPage byPrice = readModel.findPage(new ProductListQuery(c.id(), ProductSort.PRICE, 0, 10));
        assertThat(byPrice.items())
                .extracting(ProductView::id)
                .containsExactly(cheap.id().value(), dear.id().value());
        assertThat(byPrice.total()).isEqualTo(2);
        assertThat(byPrice.items().getFirst().price()).isEqualTo(new BigDecimal("19.99"));
        assertThat(byPrice.items().getFirst().categoryName()).isEqualTo(c.name().value());

        assertThat(readModel
                        .findPage(new ProductListQuery(c.id(), ProductSort.NAME, 0, 10))
                        .items())
                .extracting(ProductView::name)
                .containsExactly("A 비싼", "B 저렴한");
        assertThat(readModel
                        .findPage(new ProductListQuery(c.id(), ProductSort.PRICE_DESC, 0, 1))
                        .items())
                .extracting(ProductView::id)
                .containsExactly(dear.id().value());
        ProductPage second = readModel.findPage(new ProductListQuery(c.id(), ProductSort.ID, 1, 1));
        assertThat(second.items())
                .extracting(ProductView::id)
                .containsExactly(dear.id().value());
        assertThat(second.total()).isEqualTo(2);

        assertThat(readModel.findView(gone.id())).isEmpty();
        assertThat(readModel.findView(cheap.id())).isPresent();
        assertThat(readModel.findView(new ProductId(987_654_321L))).isEmpty();
        List<ProductView> after = readModel.findActiveAfter(cheap.id().value() - 1, 1000);
        assertThat(after)
                .extracting(ProductView::id)
                .contains(cheap.id().value(), dear.id().value())
                .doesNotContain(gone.id().value());
    }

    @Test
    void givenAnUpdatedProduct_save_writesItBack() {
        Category c = newCategory();
        Category other = newCategory();
        Product p = newProduct(c, "before", "1000", "KRW");
        QuarkusTransaction.requiringNew().run(() -> {
            Product loaded = products.findById(p.id()).orElseThrow();
            loaded.update(new ProductName("after 이후"), null, Money.krw(2000), other.id(), Instant.now());
            products.save(loaded);
        });
        ProductView v = readModel.findView(p.id()).orElseThrow();
        assertThat(v.name()).isEqualTo("after 이후");
        assertThat(v.price()).isEqualTo(new BigDecimal("2000"));
        assertThat(v.categoryId()).isEqualTo(other.id().value());
        assertThat(v.description()).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> products.activeNamesIn(List.of(other.id()))))
                .containsExactly("after 이후");
    }
}
