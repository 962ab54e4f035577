package io.shopcore.stock.domain;

/**
 * A product's stock: {@code total} units in the warehouse, {@code reserved} of them held by
 * reservations, {@code available = total - reserved}. Always 0 <= reserved <= total.
 */
public record StockLevel(long productId, int total, int reserved) {

    public StockLevel {
        if (productId <= 0) {
            throw new IllegalArgumentException("productId must be positive");
        }
        if (reserved < 0 || reserved > total) {
            throw new IllegalArgumentException(
                    "need 0 <= reserved <= total, got reserved=" + reserved + " total=" + total);
        }
    }

    public static StockLevel initial(long productId, int total) {
        if (total < 0) {
            throw new IllegalArgumentException("initial stock must not be negative");
        }
        return new StockLevel(productId, total, 0);
    }

    public int available() {
        return total - reserved;
    }

    public boolean canReserve(Quantity quantity) {
        return quantity.value() <= available();
    }

    /** Holds {@code quantity} more units; the caller checks {@link #canReserve} first. */
    public StockLevel reserve(Quantity quantity) {
        if (!canReserve(quantity)) {
            throw new InsufficientStockException(productId, quantity.value(), available());
        }
        return new StockLevel(productId, total, reserved + quantity.value());
    }

    /** The held units leave the warehouse: total and reserved both fall. */
    public StockLevel confirm(Quantity quantity) {
        return new StockLevel(productId, total - quantity.value(), reserved - quantity.value());
    }

    /** The held units become available again (release or expiry). */
    public StockLevel release(Quantity quantity) {
        return new StockLevel(productId, total, reserved - quantity.value());
    }

    public boolean canAdjust(long delta) {
        long next = (long) total + delta;
        return next >= reserved && next <= Integer.MAX_VALUE;
    }

    public StockLevel adjust(int delta) {
        if (!canAdjust(delta)) {
            throw new IllegalArgumentException("total would fall below reserved or overflow");
        }
        return new StockLevel(productId, total + delta, reserved);
    }
}
