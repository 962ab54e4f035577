package io.shopcore.catalog.application.port.in;

import java.util.Optional;

/** The orders a listing supports; every order ends with the id so pages are stable. */
public enum ProductSort {
    ID("id"),
    PRICE("price"),
    PRICE_DESC("-price"),
    NAME("name");

    private final String token;

    ProductSort(String token) {
        this.token = token;
    }

    /** The query-string spelling: {@code id}, {@code price}, {@code -price}, {@code name}. */
    public String token() {
        return token;
    }

    public static Optional<ProductSort> parse(String token) {
        for (ProductSort s : values()) {
            if (s.token.equals(token)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
