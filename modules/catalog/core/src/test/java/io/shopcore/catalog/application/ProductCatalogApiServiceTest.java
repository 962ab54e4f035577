package io.shopcore.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.catalog.api.CatalogProduct;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.CategoryName;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductName;
import io.shopcore.catalog.testing.InMemoryCategoryRepository;
import io.shopcore.catalog.testing.InMemoryProductReadModel;
import io.shopcore.catalog.testing.InMemoryProductRepository;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductCatalogApiServiceTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    final InMemoryCategoryRepository categories = new InMemoryCategoryRepository();
    final InMemoryProductRepository products = new InMemoryProductRepository();
    final ProductCatalogApiService api =
            new ProductCatalogApiService(new InMemoryProductReadModel(products, categories));
    Category books;

    @BeforeEach
    void setUp() {
        books = new Category(categories.nextId(), new CategoryName("도서 Books"), NOW);
        categories.save(books);
    }

    Product add(String name) {
        Product p = Product.create(
                products.nextId(), new ProductName(name), "about " + name, Money.krw(12_000), books.id(), NOW);
        products.save(p);
        return p;
    }

    @Test
    void givenAnActiveProduct_product_answersItsPublishedRecord() {
        Product p = add("소설 Novel");
        assertThat(api.product(p.id().value()))
                .contains(new CatalogProduct(
                        p.id().value(),
                        "소설 Novel",
                        "about 소설 Novel",
                        new BigDecimal("12000"),
                        "KRW",
                        books.id().value(),
                        "도서 Books"));
    }

    @Test
    void givenANonPositiveOrUnknownId_product_isEmpty() {
        add("x");
        assertThat(api.product(0)).isEmpty();
        assertThat(api.product(-1)).isEmpty();
        assertThat(api.product(99)).isEmpty();
    }

    @Test
    void givenProducts_productsAfter_walksThemByIdWithinTheLimit() {
        Product a = add("a");
        Product b = add("b");
        Product c = add("c");
        assertThat(api.productsAfter(0, 2))
                .extracting(CatalogProduct::id)
                .containsExactly(a.id().value(), b.id().value());
        assertThat(api.productsAfter(-5, 1)).extracting(CatalogProduct::id).containsExactly(a.id().value());
        assertThat(api.productsAfter(b.id().value(), 1000))
                .extracting(CatalogProduct::id)
                .containsExactly(c.id().value());
    }

    @Test
    void givenALimitOutsideOneToThousand_productsAfter_isRejected() {
        assertThatThrownBy(() -> api.productsAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.productsAfter(0, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(api.productsAfter(0, 1)).isEmpty();
        assertThat(api.productsAfter(0, 1000)).isEmpty();
    }
}
