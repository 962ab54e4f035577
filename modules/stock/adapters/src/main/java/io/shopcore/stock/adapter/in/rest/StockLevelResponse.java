package io.shopcore.stock.adapter.in.rest;

import io.shopcore.stock.domain.StockLevel;

public record StockLevelResponse(long productId, int total, int reserved, int available) {

    static StockLevelResponse from(StockLevel level) {
        return new StockLevelResponse(level.productId(), level.total(), level.reserved(), level.available());
    }
}
