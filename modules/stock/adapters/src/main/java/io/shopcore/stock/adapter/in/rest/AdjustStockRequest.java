package io.shopcore.stock.adapter.in.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code delta} is the signed change of total (not 0); {@code reason} says why, for the ledger. */
public record AdjustStockRequest(
        @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Integer delta,
        @NotBlank @Size(max = 500) String reason) {}
