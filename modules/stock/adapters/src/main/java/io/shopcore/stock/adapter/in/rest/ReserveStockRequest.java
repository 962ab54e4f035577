package io.shopcore.stock.adapter.in.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code quantity} is read as an integer of any size, so that a number beyond {@code int}
 * ({@code 99999999999999999999}) fails validation naming {@code quantity} like {@code 1001} does,
 * instead of failing JSON parsing with no field; a fraction or exponent ({@code 1.5}, {@code 1e12})
 * is refused by the strict JSON reader as "wrong type", also naming {@code quantity}.
 */
public record ReserveStockRequest(
        @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000") @NotNull @Min(1) @Max(1000)
        BigInteger quantity) {

    /** Only after validation. */
    int quantityValue() {
        return quantity.intValueExact();
    }
}
