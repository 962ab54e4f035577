package io.shopcore.search.application;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Sort;
import io.shopcore.search.domain.IndexedProduct;
import java.math.BigDecimal;

public final class SearchFixtures {

    private SearchFixtures() {}

    public static IndexedProduct aProduct(long id, String name) {
        return aProduct(id, name, "", 10_000, 1, "기타 Misc");
    }

    public static IndexedProduct aProduct(
            long id, String name, String description, long price, long categoryId, String categoryName) {
        return new IndexedProduct(id, name, description, BigDecimal.valueOf(price), "KRW", categoryId, categoryName);
    }

    public static Query query(String text) {
        return Query.of(text);
    }

    public static Query query(String text, Long categoryId, Long min, Long max, Sort sort, int page, int size) {
        return new Query(
                text,
                categoryId,
                min == null ? null : BigDecimal.valueOf(min),
                max == null ? null : BigDecimal.valueOf(max),
                sort,
                page,
                size);
    }
}
