package io.shopcore.stock.application.port.in;

import io.shopcore.stock.domain.StockLevel;
import java.util.Objects;

/** An admin corrects a product's total (goods in, stock-take), never below what is reserved. */
public interface AdjustStockUseCase {

    Result adjust(Command command);

    record Command(long productId, int delta, String reason) {

        public static final int MAX_REASON_LENGTH = 500;

        public Command {
            Objects.requireNonNull(reason, "reason");
            if (productId <= 0) {
                throw new IllegalArgumentException("productId must be positive");
            }
            if (delta == 0) {
                throw new IllegalArgumentException("delta must not be 0");
            }
            if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
                throw new IllegalArgumentException("reason must be 1.." + MAX_REASON_LENGTH + " characters");
            }
        }
    }

    sealed interface Result {}

    record Adjusted(StockLevel level) implements Result {}

    record ProductNotFound() implements Result {}

    /** The total would fall below the reserved units (or overflow); nothing changed. */
    record BelowReserved(StockLevel current) implements Result {}
}
