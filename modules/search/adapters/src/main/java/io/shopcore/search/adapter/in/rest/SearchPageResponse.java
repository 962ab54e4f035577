package io.shopcore.search.adapter.in.rest;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Result;
import java.util.List;

/**
 * The usual page {@code {items, page, size, total}} plus {@code correctedQuery}: the text actually
 * searched when the original found nothing and a typo correction was applied, otherwise null.
 */
public record SearchPageResponse(
        List<SearchItemResponse> items, int page, int size, long total, String correctedQuery) {

    static SearchPageResponse from(Result r) {
        return new SearchPageResponse(
                r.hits().stream().map(SearchItemResponse::from).toList(),
                r.page(),
                r.size(),
                r.total(),
                r.correctedQuery());
    }
}
