package io.shopcore.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

    static Product aProduct() {
        return Product.create(
                ProductId.of(1),
                new ProductName("무선 이어폰 Wireless Earbuds"),
                "  좋은 소리  ",
                Money.krw(39_000),
                CategoryId.of(1),
                T0);
    }

    @Test
    void givenKoreanAndEnglishName_create_keepsItTrimmed() {
        Product p = Product.create(
                ProductId.of(1),
                new ProductName("  삼성 갤럭시 버즈 Galaxy Buds  "),
                null,
                Money.krw(1),
                CategoryId.of(1),
                T0);
        assertThat(p.name().value()).isEqualTo("삼성 갤럭시 버즈 Galaxy Buds");
        assertThat(p.createdAt()).isEqualTo(p.updatedAt());
        assertThat(p.isDeleted()).isFalse();
    }

    @Test
    void givenBlankDescription_create_storesNone() {
        Product p = Product.create(ProductId.of(1), new ProductName("x"), "   ", Money.krw(1), CategoryId.of(1), T0);
        assertThat(p.description()).isNull();
        assertThat(aProduct().description()).isEqualTo("좋은 소리");
    }

    @Test
    void givenBlankOrLongOrControlName_create_isRejected() {
        assertThatThrownBy(() -> new ProductName("   ")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new ProductName(null)).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new ProductName("가".repeat(201))).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new ProductName("a\u0000b")).isInstanceOf(InvalidCatalogValue.class);
        assertThat(new ProductName("가".repeat(200)).value()).hasSize(200);
    }

    @Test
    void givenActiveProduct_update_replacesFieldsAndTouchesUpdatedAt() {
        Product p = aProduct();
        p.update(new ProductName("New"), null, Money.krw(10), CategoryId.of(2), T1);
        assertThat(p.name().value()).isEqualTo("New");
        assertThat(p.price()).isEqualTo(Money.krw(10));
        assertThat(p.categoryId()).isEqualTo(CategoryId.of(2));
        assertThat(p.createdAt()).isEqualTo(T0);
        assertThat(p.updatedAt()).isEqualTo(T1);
    }

    @Test
    void givenDeletedProduct_updateOrDelete_isRefused() {
        Product p = aProduct();
        p.delete(T1);
        assertThat(p.isDeleted()).isTrue();
        assertThat(p.deletedAt()).isEqualTo(T1);
        assertThatThrownBy(() -> p.delete(T1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.update(new ProductName("x"), null, Money.krw(1), CategoryId.of(1), T1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenNonPositiveIds_create_isRejected() {
        assertThatThrownBy(() -> ProductId.of(0)).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> CategoryId.of(-1)).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void givenCategoryName_create_validates() {
        assertThat(new CategoryName(" 전자제품 Electronics ").value()).isEqualTo("전자제품 Electronics");
        assertThatThrownBy(() -> new CategoryName("")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new CategoryName("x".repeat(101))).isInstanceOf(InvalidCatalogValue.class);
    }
}
