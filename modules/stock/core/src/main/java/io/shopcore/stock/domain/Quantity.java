package io.shopcore.stock.domain;

/** How many units one reservation holds: 1 to {@value #MAX}. */
public record Quantity(int value) {

    public static final int MIN = 1;
    public static final int MAX = 1000;

    public Quantity {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("quantity must be between " + MIN + " and " + MAX + ", was " + value);
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }
}
