package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.LoadDemoDataUseCase;

/** What a demo-data load created, and the catalog's totals after it. */
public record DemoDataResponse(int categoriesCreated, int productsCreated, int categoriesTotal, int productsTotal) {

    static DemoDataResponse from(LoadDemoDataUseCase.Result r) {
        return new DemoDataResponse(r.categoriesCreated(), r.productsCreated(), r.categoriesTotal(), r.productsTotal());
    }
}
