package io.shopcore.stock.adapter.in.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record ReserveStockRequest(@NotNull @Min(1) @Max(1000) Integer quantity) {}
