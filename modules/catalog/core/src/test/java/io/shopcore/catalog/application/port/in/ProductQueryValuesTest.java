package io.shopcore.catalog.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.InvalidCatalogValue;
import io.shopcore.catalog.domain.Money;
import io.shopcore.catalog.domain.ProductName;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductQueryValuesTest {

    @Test
    void givenPageAndSizeBounds_productListQuery_acceptsZeroAndOneToHundred() {
        assertThat(new ProductListQuery(null, ProductSort.ID, 0, 1).size()).isEqualTo(1);
        assertThat(new ProductListQuery(null, ProductSort.ID, 0, ProductListQuery.MAX_SIZE).size())
                .isEqualTo(100);
        assertThatThrownBy(() -> new ProductListQuery(null, ProductSort.ID, -1, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductListQuery(null, ProductSort.ID, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductListQuery(null, ProductSort.ID, 0, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductListQuery(null, null, 0, 20)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenAQuery_offsetAndKey_describeIt() {
        ProductListQuery q = new ProductListQuery(CategoryId.of(7), ProductSort.PRICE_DESC, 3, 17);
        assertThat(q.offset()).isEqualTo(51);
        assertThat(new ProductListQuery(null, ProductSort.ID, 100_000_000, 100).offset())
                .isEqualTo(10_000_000_000L);
        assertThat(q.key()).isEqualTo("c7:s-price:p3:z17");
        assertThat(new ProductListQuery(null, ProductSort.NAME, 0, 20).key()).isEqualTo("call:sname:p0:z20");
    }

    @Test
    void givenTokens_productSort_parsesTheFourOrdersOnly() {
        assertThat(ProductSort.parse("id")).contains(ProductSort.ID);
        assertThat(ProductSort.parse("price")).contains(ProductSort.PRICE);
        assertThat(ProductSort.parse("-price")).contains(ProductSort.PRICE_DESC);
        assertThat(ProductSort.parse("name")).contains(ProductSort.NAME);
        assertThat(ProductSort.parse("Name")).isEmpty();
        assertThat(ProductSort.parse(null)).isEmpty();
        assertThat(ProductSort.PRICE_DESC.token()).isEqualTo("-price");
    }

    @Test
    void givenInitialStockBounds_createCommand_acceptsZeroToOneBillion() {
        ProductDraft draft = new ProductDraft(new ProductName("x"), null, Money.krw(1), CategoryId.of(1));
        assertThat(new CreateProductUseCase.Command(draft, 0).initialStock()).isZero();
        assertThat(new CreateProductUseCase.Command(draft, CreateProductUseCase.Command.MAX_INITIAL_STOCK)
                        .initialStock())
                .isEqualTo(1_000_000_000);
        assertThatThrownBy(() -> new CreateProductUseCase.Command(draft, -1))
                .isInstanceOf(InvalidCatalogValue.class)
                .extracting(e -> ((InvalidCatalogValue) e).field())
                .isEqualTo("initialStock");
        assertThatThrownBy(() ->
                        new CreateProductUseCase.Command(draft, CreateProductUseCase.Command.MAX_INITIAL_STOCK + 1))
                .isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new CreateProductUseCase.Command(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void givenAvailableProduct_id_isTheViewsId() {
        ProductView view = new ProductView(42, "n", null, BigDecimal.ONE, "KRW", 1, "c", null, null);
        assertThat(new AvailableProduct(view, 3).id()).isEqualTo(42);
    }

    @Test
    void givenLookupFactories_missAndHit_answerAccordingly() {
        var miss = ProductCache.Lookup.<String>miss();
        assertThat(miss.cached()).isEmpty();
        miss.fill("ignored");
        assertThat(miss.cached()).isEmpty();
        var hit = ProductCache.Lookup.hit("v");
        assertThat(hit.cached()).isEqualTo(Optional.of("v"));
    }
}
