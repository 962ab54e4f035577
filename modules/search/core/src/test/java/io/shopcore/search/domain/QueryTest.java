package io.shopcore.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Sort;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QueryTest {

    @Test
    void givenText_query_trimsAndKeepsUpTo200Characters() {
        assertThat(Query.of("  아이패드 \t").text()).isEqualTo("아이패드");
        assertThat(Query.of("가".repeat(200)).text()).hasSize(200);
        assertThat(Query.of("😀".repeat(200)).text())
                .as("characters are code points")
                .hasSize(400);
        assertThat(Query.of("a\u0000b").text()).isEqualTo("a b");
        assertInvalid("q", () -> Query.of("가".repeat(201)));
        assertInvalid("q", () -> Query.of("   "));
        assertInvalid("q", () -> Query.of("\u0000"));
        assertInvalid("q", () -> Query.of(null));
    }

    @Test
    void givenBadFilters_query_namesTheParameter() {
        assertInvalid("categoryId", () -> new Query("x", 0L, null, null, null, 0, 20));
        assertInvalid("minPrice", () -> new Query("x", null, new BigDecimal("-1"), null, null, 0, 20));
        assertInvalid("maxPrice", () -> new Query("x", null, null, new BigDecimal("1e30"), null, 0, 20));
        assertInvalid("maxPrice", () -> new Query("x", null, BigDecimal.TEN, BigDecimal.ONE, null, 0, 20));
        assertInvalid("page", () -> new Query("x", null, null, null, null, -1, 20));
        assertInvalid("size", () -> new Query("x", null, null, null, null, 0, 0));
        assertInvalid("size", () -> new Query("x", null, null, null, null, 0, 101));
        assertThat(new Query("x", null, BigDecimal.ONE, BigDecimal.ONE, null, 0, 100).sort())
                .isEqualTo(Sort.RELEVANCE);
    }

    @Test
    void givenWireNames_sort_parses() {
        assertThat(Sort.parse("relevance")).contains(Sort.RELEVANCE);
        assertThat(Sort.parse("price")).contains(Sort.PRICE);
        assertThat(Sort.parse("-price")).contains(Sort.PRICE_DESC);
        assertThat(Sort.parse("name")).isEmpty();
    }

    private static void assertInvalid(String field, Runnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        InvalidSearchQuery.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
