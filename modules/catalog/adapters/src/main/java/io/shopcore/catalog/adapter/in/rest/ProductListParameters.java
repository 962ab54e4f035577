package io.shopcore.catalog.adapter.in.rest;

import io.shopcore.catalog.application.port.in.ProductCursor;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.web.Params;

/**
 * The query parameters of {@code GET /api/v1/products}, checked and turned into a {@link ProductListQuery}:
 * a numbered page (at most {@code maxOffset} items deep) or the page after a cursor, never both; any bad
 * parameter is a 400 {@code validation_failed} naming it.
 */
final class ProductListParameters {

    private ProductListParameters() {}

    static ProductListQuery parse(
            String page, String size, String categoryId, String sort, String after, long maxOffset) {
        Params.PageQuery paging = Params.PageQuery.parse(page, size);
        Long category = Params.optionalPositiveId("categoryId", categoryId);
        ProductSort order = sort == null || sort.isEmpty()
                ? ProductSort.ID
                : ProductSort.parse(sort)
                        .orElseThrow(
                                () -> ApiProblemException.validation("sort", "must be one of id, price, -price, name"));
        ProductCursor cursor = null;
        if (after != null && !after.isEmpty()) { // empty: absent, as for sort
            if (page != null) {
                throw ApiProblemException.validation(
                        "page", "must not be combined with after (the cursor is the position)");
            }
            cursor = ProductCursors.decode(after, order);
        } else if (paging.offset() > maxOffset) {
            throw ApiProblemException.validation(
                    "page",
                    "page * size must be at most " + maxOffset
                            + "; for deeper pages pass the previous page's next cursor as after");
        }
        return new ProductListQuery(
                category == null ? null : new CategoryId(category), order, paging.page(), paging.size(), cursor);
    }
}
