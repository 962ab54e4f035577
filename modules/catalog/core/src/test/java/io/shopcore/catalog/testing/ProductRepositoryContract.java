package io.shopcore.catalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.domain.ProductName;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ProductRepository} does; run against {@link InMemoryProductRepository} and the JPA adapter. */
public abstract class ProductRepositoryContract extends CatalogStoreSupport {

    protected abstract ProductRepository products();

    /** Products refer to categories; the store of those. */
    protected abstract CategoryRepository categories();

    @Test
    void givenSeveralCalls_nextId_neverRepeatsAnId() {
        ProductId a = inTransaction(() -> products().nextId());
        ProductId b = inTransaction(() -> products().nextId());
        assertThat(b.value()).isGreaterThan(a.value());
    }

    @Test
    void givenASavedProduct_findById_rebuildsItExactly() {
        Category category = newCategory(categories());
        Product saved = newProduct(products(), category, "한샘 원목 책상 Solid Wood Desk", "19.90", "USD");
        Product found = inTransaction(() -> products().findById(saved.id())).orElseThrow();
        assertThat(found.id()).isEqualTo(saved.id());
        assertThat(found.name()).isEqualTo(saved.name());
        assertThat(found.description()).isEqualTo("설명 description");
        assertThat(found.price()).isEqualTo(Money.of(new BigDecimal("19.9"), "USD"));
        assertThat(found.categoryId()).isEqualTo(category.id());
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.updatedAt()).isEqualTo(T0);
        assertThat(found.deletedAt()).isNull();
        assertThat(found.isDeleted()).isFalse();
    }

    @Test
    void givenUnusedId_findById_isEmpty() {
        ProductId unused = inTransaction(() -> products().nextId());
        assertThat(inTransaction(() -> products().findById(unused))).isEmpty();
    }

    @Test
    void givenAChangedProduct_save_writesItBack() {
        Category category = newCategory(categories());
        Category other = newCategory(categories());
        Product saved = newProduct(products(), category, "before", "1000", "KRW");
        inTransaction(() -> {
            Product loaded = products().findById(saved.id()).orElseThrow();
            loaded.update(new ProductName("after 이후"), null, Money.krw(2000), other.id(), T1);
            products().save(loaded);
        });
        Product found = inTransaction(() -> products().findById(saved.id())).orElseThrow();
        assertThat(found.name().value()).isEqualTo("after 이후");
        assertThat(found.description()).isNull();
        assertThat(found.price()).isEqualTo(Money.krw(2000));
        assertThat(found.categoryId()).isEqualTo(other.id());
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.updatedAt()).isEqualTo(T1);
    }

    @Test
    void givenALoadedProductChangedButNotSaved_findById_stillReturnsTheStoredOne() {
        Category category = newCategory(categories());
        Product saved = newProduct(products(), category, "stored", "1000", "KRW");
        inTransaction(() -> products()
                .findById(saved.id())
                .orElseThrow()
                .update(new ProductName("never saved"), null, Money.krw(1), category.id(), T1));
        assertThat(inTransaction(() -> products().findById(saved.id()))
                        .orElseThrow()
                        .name()
                        .value())
                .isEqualTo("stored");
    }

    @Test
    void givenADeletedProduct_findById_stillFindsItButCountsAndNamesSkipIt() {
        Category category = newCategory(categories());
        Product kept = newProduct(products(), category, "kept", "1000", "KRW");
        Product gone = newProduct(products(), category, "gone", "1000", "KRW");
        long activeBefore = inTransaction(() -> products().countActive());

        delete(products(), gone);

        Product found = inTransaction(() -> products().findById(gone.id())).orElseThrow();
        assertThat(found.isDeleted()).isTrue();
        assertThat(found.deletedAt()).isEqualTo(T1);
        assertThat(inTransaction(() -> products().countActive())).isEqualTo(activeBefore - 1);
        assertThat(inTransaction(() -> products().activeNamesIn(List.of(category.id()))))
                .containsExactly(kept.name().value());
    }

    @Test
    void givenProductsInSeveralCategories_activeNamesIn_namesOnlyThoseCategories() {
        Category a = newCategory(categories());
        Category b = newCategory(categories());
        Category c = newCategory(categories());
        newProduct(products(), a, "in a", "1", "KRW");
        newProduct(products(), b, "in b", "1", "KRW");
        newProduct(products(), c, "in c", "1", "KRW");
        assertThat(inTransaction(() -> products().activeNamesIn(List.of(a.id(), b.id()))))
                .containsExactlyInAnyOrder("in a", "in b");
        assertThat(inTransaction(() -> products().activeNamesIn(List.of()))).isEmpty();
    }

    @Test
    void givenNewProducts_countActive_growsByTheirNumber() {
        Category category = newCategory(categories());
        long before = inTransaction(() -> products().countActive());
        newProduct(products(), category, "one", "1", "KRW");
        newProduct(products(), category, "two", "1", "KRW");
        assertThat(inTransaction(() -> products().countActive())).isEqualTo(before + 2);
    }
}
