package io.shopcore.stock.domain;

/** A broken rule: something tried to reserve more than is available. Use cases check first. */
public class InsufficientStockException extends RuntimeException {

    public InsufficientStockException(long productId, int wanted, int available) {
        super("product " + productId + ": wanted " + wanted + ", available " + available);
    }
}
