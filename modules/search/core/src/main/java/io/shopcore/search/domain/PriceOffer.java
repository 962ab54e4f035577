package io.shopcore.search.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One price for a product, from the own catalog ({@value #OWN_SOURCE}) or an external price source.
 * Prices are exact decimals, never floating point.
 *
 * @param source    the configured source name, or {@value #OWN_SOURCE}
 * @param productId the product's id at that source (opaque text: a catalog id, a Naver product id, a SKU); may be null
 * @param name      plain text (no markup)
 * @param price     zero or more
 * @param currency  ISO 4217 code, upper case
 * @param url       where to buy or see it; may be null
 */
public record PriceOffer(String source, String productId, String name, BigDecimal price, String currency, String url) {

    /** The source name of offers from the own catalog. */
    public static final String OWN_SOURCE = "shopcore";

    public PriceOffer {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        Objects.requireNonNull(currency, "currency");
        currency = currency.trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
        productId = productId == null || productId.isBlank() ? null : productId;
        url = url == null || url.isBlank() ? null : url;
    }

    /**
     * The order offers are answered in: offers in the preferred currency first (prices in different
     * currencies are not comparable), then by price, source, name and product id.
     */
    public static Comparator<PriceOffer> cheapestFirst(String preferredCurrency) {
        return Comparator.<PriceOffer>comparingInt(o -> o.currency().equals(preferredCurrency) ? 0 : 1)
                .thenComparing(PriceOffer::currency)
                .thenComparing(PriceOffer::price)
                .thenComparing(PriceOffer::source)
                .thenComparing(PriceOffer::name)
                .thenComparing(o -> o.productId() == null ? "" : o.productId());
    }
}
