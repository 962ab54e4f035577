package io.shopcore.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void givenNoCurrency_of_defaultsToKrw() {
        assertThat(Money.of(new BigDecimal("12000"), null).currency()).isEqualTo("KRW");
    }

    @Test
    void givenTrailingZeros_create_keepsCurrencyScale() {
        assertThat(Money.of(new BigDecimal("12000.0000"), "KRW").amount()).isEqualTo(new BigDecimal("12000"));
        assertThat(Money.of(new BigDecimal("19.9"), "USD").amount()).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void givenNegativeAmount_create_isRejected() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "KRW"))
                .isInstanceOf(InvalidCatalogValue.class)
                .extracting(e -> ((InvalidCatalogValue) e).field())
                .isEqualTo("price");
    }

    @Test
    void givenMoreDecimalsThanTheCurrencyHas_create_isRejectedNotRounded() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("100.5"), "KRW")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), "USD")).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void givenUnknownOrLowerCaseCurrency_create_isRejected() {
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "XYZ"))
                .extracting(e -> ((InvalidCatalogValue) e).field())
                .isEqualTo("currency");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "krw")).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void givenHugeAmount_create_isRejected() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e16"), "KRW")).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void givenMissingAmount_create_isRejected() {
        assertThatThrownBy(() -> Money.of(null, "KRW")).isInstanceOf(InvalidCatalogValue.class);
    }
}
