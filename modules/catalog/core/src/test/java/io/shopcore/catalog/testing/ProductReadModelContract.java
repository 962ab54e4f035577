package io.shopcore.catalog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.CategoryRepository;
import io.shopcore.catalog.application.port.out.ProductReadModel;
import io.shopcore.catalog.application.port.out.ProductRepository;
import io.shopcore.catalog.domain.Category;
import io.shopcore.catalog.domain.Product;
import io.shopcore.catalog.domain.ProductId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductReadModel} answers about what the repositories wrote; run against
 * {@link InMemoryProductReadModel} and the JDBC adapter. Each test works in categories of its own.
 */
public abstract class ProductReadModelContract extends CatalogStoreSupport {

    protected abstract ProductReadModel readModel();

    protected abstract ProductRepository products();

    protected abstract CategoryRepository categories();

    private List<Long> ids(ProductPage page) {
        return page.items().stream().map(ProductView::id).toList();
    }

    private static long id(Product p) {
        return p.id().value();
    }

    @Test
    void givenAnActiveProduct_findView_showsItWithItsCategoryAtTheCurrencyScale() {
        Category category = newCategory(categories());
        Product p = newProduct(products(), category, "무선 이어폰 Wireless Earbuds", "19.9", "USD");
        ProductView view = readModel().findView(p.id()).orElseThrow();
        assertThat(view)
                .isEqualTo(new ProductView(
                        id(p),
                        "무선 이어폰 Wireless Earbuds",
                        "설명 description",
                        new BigDecimal("19.90"),
                        "USD",
                        category.id().value(),
                        category.name().value(),
                        T0,
                        T0));
    }

    @Test
    void givenADeletedOrUnknownProduct_findView_isEmpty() {
        Category category = newCategory(categories());
        Product gone = newProduct(products(), category, "gone", "1000", "KRW");
        delete(products(), gone);
        assertThat(readModel().findView(gone.id())).isEmpty();
        ProductId unused = inTransaction(() -> products().nextId());
        assertThat(readModel().findView(unused)).isEmpty();
    }

    @Test
    void givenProducts_findPage_sortsByEachOrderWithTheIdBreakingTies() {
        Category category = newCategory(categories());
        Product b = newProduct(products(), category, "B", "200", "KRW");
        Product a = newProduct(products(), category, "A", "300", "KRW");
        Product c = newProduct(products(), category, "C", "100", "KRW");
        Product a2 = newProduct(products(), category, "A", "200", "KRW");

        assertThat(ids(page(category, ProductSort.ID, 0, 10))).containsExactly(id(b), id(a), id(c), id(a2));
        assertThat(ids(page(category, ProductSort.PRICE, 0, 10))).containsExactly(id(c), id(b), id(a2), id(a));
        assertThat(ids(page(category, ProductSort.PRICE_DESC, 0, 10))).containsExactly(id(a), id(b), id(a2), id(c));
        assertThat(ids(page(category, ProductSort.NAME, 0, 10))).containsExactly(id(a), id(a2), id(b), id(c));
    }

    @Test
    void givenProducts_findPageAfterACursor_walksEachOrderLikeTheNumberedPages() {
        Category category = newCategory(categories());
        newProduct(products(), category, "B", "200", "KRW");
        newProduct(products(), category, "A", "300", "KRW");
        newProduct(products(), category, "C", "100", "KRW");
        newProduct(products(), category, "A", "200", "KRW");
        newProduct(products(), category, "D", "200", "KRW");

        for (ProductSort sort : ProductSort.values()) {
            List<Long> expected = ids(page(category, sort, 0, 10));
            ProductPage current = page(category, sort, 0, 2);
            List<Long> walked = new ArrayList<>(ids(current));
            while (current.items().size() == 2) {
                ProductCursor after = ProductCursor.after(current.items().getLast(), sort);
                current = readModel().findPage(new ProductListQuery(category.id(), sort, 0, 2, after));
                assertThat(current.total()).isEqualTo(5);
                walked.addAll(ids(current));
            }
            assertThat(walked).as(sort.token()).isEqualTo(expected);
        }
    }

    @Test
    void givenMoreProductsThanAPage_findPage_pagesAndCountsThemAll() {
        Category category = newCategory(categories());
        Product p1 = newProduct(products(), category, "p1", "1", "KRW");
        Product p2 = newProduct(products(), category, "p2", "2", "KRW");
        Product p3 = newProduct(products(), category, "p3", "3", "KRW");

        ProductPage first = page(category, ProductSort.ID, 0, 2);
        assertThat(ids(first)).containsExactly(id(p1), id(p2));
        assertThat(first.total()).isEqualTo(3);
        ProductPage second = page(category, ProductSort.ID, 1, 2);
        assertThat(ids(second)).containsExactly(id(p3));
        assertThat(second.total()).isEqualTo(3);
        ProductPage beyond = page(category, ProductSort.ID, 5, 2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        ProductPage whole = page(category, ProductSort.ID, 0, 3);
        assertThat(ids(whole)).containsExactly(id(p1), id(p2), id(p3));
        assertThat(whole.total()).isEqualTo(3);
    }

    @Test
    void givenSeveralCategoriesAndADeletedProduct_findPage_showsOnlyTheCategorysActiveProducts() {
        Category mine = newCategory(categories());
        Category other = newCategory(categories());
        Product kept = newProduct(products(), mine, "kept", "1", "KRW");
        Product gone = newProduct(products(), mine, "gone", "1", "KRW");
        newProduct(products(), other, "elsewhere", "1", "KRW");
        delete(products(), gone);

        ProductPage page = page(mine, ProductSort.ID, 0, 10);
        assertThat(ids(page)).containsExactly(id(kept));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page(newCategory(categories()), ProductSort.ID, 0, 10)).isEqualTo(new ProductPage(List.of(), 0));
    }

    @Test
    void givenNoCategoryFilter_findPage_includesEveryCategory() {
        Category a = newCategory(categories());
        Category b = newCategory(categories());
        Product inA = newProduct(products(), a, "in a", "1", "KRW");
        Product inB = newProduct(products(), b, "in b", "1", "KRW");
        ProductPage all = readModel().findPage(new ProductListQuery(null, ProductSort.ID, 0, 100));
        assertThat(all.total()).isGreaterThanOrEqualTo(2);
        long total = all.total();
        // The newest products are on the last page when ordered by id.
        int lastPage = (int) ((total - 1) / 100);
        assertThat(ids(readModel().findPage(new ProductListQuery(null, ProductSort.ID, lastPage, 100))))
                .endsWith(id(inA), id(inB));
    }

    @Test
    void givenProducts_findActiveAfter_walksActiveProductsByIdInBoundedSteps() {
        Category category = newCategory(categories());
        Product p1 = newProduct(products(), category, "p1", "1", "KRW");
        Product gone = newProduct(products(), category, "gone", "1", "KRW");
        Product p3 = newProduct(products(), category, "p3", "1", "KRW");
        Product p4 = newProduct(products(), category, "p4", "1", "KRW");
        delete(products(), gone);

        assertThat(readModel().findActiveAfter(id(p1) - 1, 2))
                .extracting(ProductView::id)
                .containsExactly(id(p1), id(p3));
        assertThat(readModel().findActiveAfter(id(p3), 10))
                .extracting(ProductView::id)
                .containsExactly(id(p4));
        assertThat(readModel().findActiveAfter(id(p4), 10)).isEmpty();
        assertThat(readModel().findActiveAfter(id(p1) - 1, 1).getFirst().categoryName())
                .isEqualTo(category.name().value());
    }

    private ProductPage page(Category category, ProductSort sort, int page, int size) {
        return readModel().findPage(new ProductListQuery(category.id(), sort, page, size));
    }
}
