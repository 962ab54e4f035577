package io.shopcore.catalog.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.FieldError;
import org.junit.jupiter.api.Test;

/** GET /products' parameters: defaults, and each bad combination refused naming its field. */
class ProductListParametersTest {

    private static final long MAX_OFFSET = 10_000;

    @Test
    void givenNothing_parse_givesTheFirstPageById() {
        ProductListQuery query = ProductListParameters.parse(null, null, null, null, null, MAX_OFFSET);
        assertThat(query.sort()).isEqualTo(ProductSort.ID);
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.categoryId()).isNull();
        assertThat(query.after()).isNull();
    }

    @Test
    void givenAnEmptySort_parse_sortsById() {
        assertThat(ProductListParameters.parse(null, null, null, "", null, MAX_OFFSET)
                        .sort())
                .isEqualTo(ProductSort.ID);
    }

    @Test
    void givenAnUnknownSort_parse_refusesSort() {
        assertRefused(() -> ProductListParameters.parse(null, null, null, "cheapest", null, MAX_OFFSET), "sort");
    }

    @Test
    void givenAPageDeeperThanTheMaxOffset_parse_refusesPage() {
        assertRefused(() -> ProductListParameters.parse("501", "20", null, null, null, MAX_OFFSET), "page");
        assertThat(ProductListParameters.parse("500", "20", null, null, null, MAX_OFFSET)
                        .page())
                .isEqualTo(500);
    }

    @Test
    void givenPageAndCursor_parse_refusesPage() {
        assertRefused(() -> ProductListParameters.parse("0", null, null, null, "anything", MAX_OFFSET), "page");
    }

    @Test
    void givenABadCategory_parse_refusesCategoryId() {
        assertRefused(() -> ProductListParameters.parse(null, null, "0", null, null, MAX_OFFSET), "categoryId");
    }

    private static void assertRefused(Runnable parse, String field) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        ApiProblemException.class,
                        e -> assertThat(e.problem().errors())
                                .extracting(FieldError::field)
                                .containsExactly(field));
    }
}
