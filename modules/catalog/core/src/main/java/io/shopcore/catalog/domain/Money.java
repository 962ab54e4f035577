package io.shopcore.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact, non-negative price in an ISO 4217 currency (default KRW). The amount is kept at the
 * currency's own scale (KRW 0 decimals, USD 2), so {@code 12000} and {@code 12000.00} are the same
 * price; more decimals than the currency has are rejected rather than rounded.
 */
public record Money(BigDecimal amount, String currency) {

    public static final String DEFAULT_CURRENCY = "KRW";
    /** Largest storable amount: numeric(19,4) leaves 15 integer digits. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    public Money {
        Currency c = currency(currency);
        if (amount == null) {
            throw new InvalidCatalogValue("price", "is required");
        }
        if (amount.signum() < 0) {
            throw new InvalidCatalogValue("price", "must not be negative");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidCatalogValue("price", "must be at most " + MAX_AMOUNT);
        }
        int scale = Math.max(0, c.getDefaultFractionDigits());
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidCatalogValue(
                    "price", "must have at most " + scale + " decimal places for " + c.getCurrencyCode());
        }
        currency = c.getCurrencyCode();
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency == null ? DEFAULT_CURRENCY : currency);
    }

    public static Money krw(long amount) {
        return new Money(BigDecimal.valueOf(amount), DEFAULT_CURRENCY);
    }

    private static Currency currency(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            throw new InvalidCatalogValue("currency", "must be an ISO 4217 code such as KRW");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCatalogValue("currency", "must be an ISO 4217 code such as KRW");
        }
    }
}
