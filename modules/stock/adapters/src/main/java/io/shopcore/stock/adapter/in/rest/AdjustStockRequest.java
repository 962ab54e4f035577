package io.shopcore.stock.adapter.in.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code delta} is the signed change of total (not 0); {@code reason} says why, for the ledger.
 * {@code delta} is read as an integer of any size so that an out-of-range number fails validation
 * naming {@code delta} (see {@link ReserveStockRequest}).
 */
public record AdjustStockRequest(
        @Schema(type = SchemaType.INTEGER, minimum = "-1000000000", maximum = "1000000000")
        @NotNull
        @Min(-1_000_000_000)
        @Max(1_000_000_000)
        BigInteger delta,

        @NotBlank @Size(max = 500) String reason) {

    /** Only after validation. */
    int deltaValue() {
        return delta.intValueExact();
    }
}
