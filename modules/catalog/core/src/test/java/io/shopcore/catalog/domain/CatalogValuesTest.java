package io.shopcore.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogValuesTest {

    @Test
    void givenAmountBounds_money_acceptsZeroToTheStorableMaximum() {
        assertThat(Money.krw(0).amount()).isEqualByComparingTo("0");
        assertThat(Money.of(Money.MAX_AMOUNT, "KRW").amount()).isEqualTo(Money.MAX_AMOUNT);
        assertThatThrownBy(() -> Money.of(Money.MAX_AMOUNT.add(BigDecimal.ONE), "KRW"))
                .isInstanceOf(InvalidCatalogValue.class)
                .hasMessage("price: must be at most 999999999999999");
        assertThatThrownBy(() -> Money.of(new BigDecimal("-0.01"), "USD"))
                .isInstanceOf(InvalidCatalogValue.class)
                .hasMessage("price: must not be negative");
    }

    @Test
    void givenCurrencyCodesAtTheEdgesOfAToZ_money_acceptsOnlyUpperCaseLetters() {
        assertThat(Money.of(BigDecimal.ONE, "AUD").currency()).isEqualTo("AUD");
        assertThat(Money.of(BigDecimal.ONE, "ZAR").currency()).isEqualTo("ZAR");
        for (String bad : new String[] {"@UD", "[AR", "ZA[", "AU@", "KR", "KRWW", ""}) {
            assertThatThrownBy(() -> Money.of(BigDecimal.ONE, bad))
                    .as(bad)
                    .isInstanceOf(InvalidCatalogValue.class)
                    .extracting(e -> ((InvalidCatalogValue) e).reason())
                    .isEqualTo("must be an ISO 4217 code such as KRW");
        }
    }

    @Test
    void givenIdBounds_ids_acceptOneAndRejectZero() {
        assertThat(CategoryId.of(1).value()).isEqualTo(1);
        assertThat(ProductId.of(1).value()).isEqualTo(1);
        assertThatThrownBy(() -> CategoryId.of(0))
                .isInstanceOf(InvalidCatalogValue.class)
                .extracting(e -> ((InvalidCatalogValue) e).field())
                .isEqualTo("categoryId");
    }

    @Test
    void givenLineBreaksAndTabs_description_keepsThemButNamesRejectThem() {
        assertThat(Description.normalize("line one\nline two\r\n\tindented"))
                .isEqualTo("line one\nline two\r\n\tindented");
        assertThatThrownBy(() -> Description.normalize("bell\u0007"))
                .isInstanceOf(InvalidCatalogValue.class)
                .extracting(e -> ((InvalidCatalogValue) e).field())
                .isEqualTo("description");
        assertThatThrownBy(() -> new ProductName("two\nlines")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new CategoryName("tab\there")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> new CategoryName("carriage\rreturn")).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void givenLengthBounds_texts_countCodePoints() {
        assertThat(new CategoryName("가".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new CategoryName("가".repeat(101)))
                .isInstanceOf(InvalidCatalogValue.class)
                .hasMessage("name: must be at most 100 characters");
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        assertThat(new ProductName(emoji.repeat(200)).value()).hasSize(400);
        assertThat(Description.normalize("d".repeat(2000))).hasSize(2000);
        assertThatThrownBy(() -> Description.normalize("d".repeat(2001))).isInstanceOf(InvalidCatalogValue.class);
        assertThat(Description.normalize(null)).isNull();
    }

    @Test
    void givenAnInvalidValue_exception_namesFieldAndReason() {
        InvalidCatalogValue e = new InvalidCatalogValue("price", "is required");
        assertThat(e.field()).isEqualTo("price");
        assertThat(e.reason()).isEqualTo("is required");
        assertThat(e.getMessage()).isEqualTo("price: is required");
    }
}
