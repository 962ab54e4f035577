package io.shopcore.search;

import static io.restassured.RestAssured.given;
import static io.shopcore.bootstrap.support.ProblemAssertions.assertProblem;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.postProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopcore.catalog.support.CatalogTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/search end to end: products are created, changed and deleted through the catalog's admin
 * API, so the projection is fed by the real events. Each test searches inside its own new category.
 */
@QuarkusTest
class SearchApiTest {

    long category;
    String categoryName;

    @BeforeEach
    void newCategory() {
        categoryName = unique("검색 Search");
        category = createCategory(categoryName);
    }

    static ValidatableResponse search(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/search").then();
    }

    ValidatableResponse searchHere(String q, Object... more) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("categoryId", category);
        for (int i = 0; i < more.length; i += 2) {
            params.put((String) more[i], more[i + 1]);
        }
        return search(params).statusCode(200);
    }

    List<Long> ids(String q, Object... more) {
        return searchHere(q, more).extract().jsonPath().getList("items.id", Long.class);
    }

    long product(String name, String price) {
        return createProduct(category, name, price, 1);
    }

    @Test
    void givenKoreanEnglishAndMixedNames_search_findsWholeWordsPrefixesAndPartialWords() {
        long ipadKo = product("아이패드 프로 11", "1200000");
        long ipadEn = product("iPad Pro 11 Wi-Fi", "1100000");
        long galaxy = product("삼성 갤럭시S24 울트라", "1500000");
        long buds = product("무선 이어폰 Galaxy Buds", "200000");
        assertThat(ids("아이패드")).containsExactly(ipadKo);
        assertThat(ids("패드")).containsExactly(ipadKo);
        assertThat(ids("이패드")).containsExactly(ipadKo);
        assertThat(ids("아이패드 프로")).containsExactly(ipadKo);
        assertThat(ids("ipad")).containsExactly(ipadEn);
        assertThat(ids("IPad")).containsExactly(ipadEn);
        assertThat(ids("pad")).containsExactly(ipadEn);
        assertThat(ids("pro")).containsExactly(ipadEn);
        assertThat(ids("ipad pro")).containsExactly(ipadEn);
        assertThat(ids("11")).containsExactly(ipadKo, ipadEn);
        assertThat(ids("갤럭시")).containsExactly(galaxy);
        assertThat(ids("갤럭시s24")).containsExactly(galaxy);
        assertThat(ids("s24")).containsExactly(galaxy);
        assertThat(ids("럭시")).containsExactly(galaxy);
        assertThat(ids("galaxy")).containsExactly(buds);
        assertThat(ids("이어폰 buds")).containsExactly(buds);
        assertThat(ids("아이패드 갤럭시")).isEmpty();
        assertThat(ids("검색")).as("category words are indexed").hasSize(4);
    }

    @Test
    void givenProduct_search_answersTheProductItemShapeWithFreshAvailabilityAndScore() {
        long id = postProduct(Map.of(
                        "name",
                        "캐시미어 머플러 Cashmere",
                        "description",
                        "부드러운 겨울 목도리",
                        "price",
                        89000,
                        "categoryId",
                        category,
                        "initialStock",
                        4))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        searchHere("캐시미어")
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", equalTo(1))
                .body("correctedQuery", nullValue())
                .body("items[0].id", equalTo((int) id))
                .body("items[0].name", equalTo("캐시미어 머플러 Cashmere"))
                .body("items[0].description", equalTo("부드러운 겨울 목도리"))
                .body("items[0].price", equalTo(89000))
                .body("items[0].currency", equalTo("KRW"))
                .body("items[0].category.id", equalTo((int) category))
                .body("items[0].category.name", equalTo(categoryName))
                .body("items[0].available", equalTo(4))
                .body("items[0].score", greaterThan(0f));
        Map<String, Object> listed = given().get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> found = searchHere("캐시미어").extract().jsonPath().getMap("items[0]");
        for (String field : List.of("id", "name", "description", "price", "currency", "category", "available")) {
            assertThat(found.get(field)).as(field).isEqualTo(listed.get(field));
        }
        // The page is cached now; availability must still be fresh.
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("delta", 6, "reason", "restock"))
                .post("/api/v1/stock/" + id + "/adjustments")
                .then()
                .statusCode(200);
        searchHere("캐시미어").body("items[0].available", equalTo(10));
        searchHere("목도리").body("items[0].id", equalTo((int) id));
    }

    @Test
    void givenTypos_search_correctsAgainstIndexedTermsAndSaysSo() {
        long ipad = product("아이패드 에어", "900000");
        long galaxy = product("갤럭시 버즈", "150000");
        long iphone = product("Apple iPhone 15", "1250000");
        searchHere("아이페드").body("correctedQuery", equalTo("아이패드")).body("items.id", equalTo(List.of((int) ipad)));
        searchHere("겔럭시").body("correctedQuery", equalTo("갤럭시")).body("items.id", equalTo(List.of((int) galaxy)));
        searchHere("iphnoe").body("correctedQuery", equalTo("iphone")).body("items.id", equalTo(List.of((int) iphone)));
        searchHere("아이페드 에어").body("correctedQuery", equalTo("아이패드 에어")).body("total", equalTo(1));
        searchHere("냉장고").body("correctedQuery", nullValue()).body("total", equalTo(0));
        searchHere("아이패드").body("correctedQuery", nullValue()).body("total", equalTo(1));
    }

    @Test
    void givenPrices_search_filtersWithInclusiveBoundsAndCategory() {
        long cheap = product("머그컵 A", "10000");
        long mid = product("머그컵 B", "20000.0");
        long dear = product("머그컵 C", "30000");
        long other = createProduct(createCategory(unique("기타")), "머그컵 D", "20000", 1);
        assertThat(ids("머그컵", "minPrice", "20000", "sort", "price")).containsExactly(mid, dear);
        assertThat(ids("머그컵", "maxPrice", "20000", "sort", "price")).containsExactly(cheap, mid);
        assertThat(ids("머그컵", "minPrice", "20000", "maxPrice", "20000.00")).containsExactly(mid);
        assertThat(ids("머그컵", "minPrice", "10000.5", "maxPrice", "29999.99")).containsExactly(mid);
        assertThat(ids("머그컵")).doesNotContain(other).hasSize(3);
        List<Long> everywhere = search(Map.of("q", "머그컵", "minPrice", "20000", "maxPrice", "20000"))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class);
        assertThat(everywhere).contains(mid, other).doesNotContain(cheap, dear);
    }

    @Test
    void givenManyMatches_search_sortsEveryWayAndPaginates() {
        long a = product("텀블러 Tumbler 1", "3000");
        long b = product("텀블러 Tumbler 2", "1000");
        long c = product("텀블러 Tumbler 3", "2000");
        long d = product("텀블러 Tumbler 4", "2000");
        long e = postProduct(
                        Map.of("name", "보온병 Bottle", "description", "텀블러 대신", "price", 500, "categoryId", category))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(ids("텀블러", "sort", "price")).containsExactly(e, b, c, d, a);
        assertThat(ids("텀블러", "sort", "-price")).containsExactly(a, c, d, b, e);
        assertThat(ids("텀블러", "sort", "relevance"))
                .as("name matches before the description match")
                .containsExactly(a, b, c, d, e);
        assertThat(ids("텀블러")).containsExactly(a, b, c, d, e);
        searchHere("텀블러", "sort", "price", "page", 1, "size", 2)
                .body("items.id", equalTo(List.of((int) c, (int) d)))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(5));
        searchHere("텀블러", "sort", "price", "page", 2, "size", 2).body("items.id", equalTo(List.of((int) a)));
        searchHere("텀블러", "sort", "price", "page", 9, "size", 2)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(5));
        searchHere("텀블러", "size", 100).body("total", equalTo(5));
    }

    @Test
    void givenSpecialCharacters_search_matchesEachLiterallyAndNeverFails() {
        List<String> symbols = List.of("%", "_", "\\", "'", "\"", "(", ")", "&", "|", "!", ":", "*", "<", "->");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            ids.add(product("기호 sym" + i + " a" + symbols.get(i) + "b", "1000"));
        }
        long plain = product("기호 plain ab", "1000");
        for (int i = 0; i < symbols.size(); i++) {
            String s = symbols.get(i);
            assertThat(ids(s)).as(s).containsExactly(ids.get(i));
            assertThat(ids("a" + s + "b")).as("a" + s + "b").containsExactly(ids.get(i));
            assertThat(ids("기호 " + s)).as("기호 " + s).containsExactly(ids.get(i));
        }
        for (String q : List.of(
                "a%",
                "%b",
                "a_b",
                "%%",
                "\\%",
                "a'b' or '1'='1",
                "!ipad & (pro | :*)",
                "<->",
                "a:*",
                "plain & ab",
                "plain | zz",
                "'",
                "''",
                "\\\\",
                "a\\b",
                "(a)",
                "&&&",
                "*:*",
                "$$",
                ";",
                "--")) {
            assertThat(ids(q)).as(q).doesNotContain(plain).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(ids("plain ab")).containsExactly(plain);
    }

    @Test
    void givenLongTexts_search_accepts200CharactersAndRejects201() {
        searchHere("가".repeat(200)).body("total", equalTo(0));
        searchHere("a".repeat(200)).body("total", equalTo(0));
        searchHere("  " + "a".repeat(200) + "  ").body("total", equalTo(0));
        searchHere("아이패드 ".repeat(40).strip()).body("total", equalTo(0));
        assertProblem(search(Map.of("q", "가".repeat(201))), 400, "validation_failed")
                .body("errors[0].field", equalTo("q"));
        assertProblem(search(Map.of("q", "a".repeat(201))), 400, "validation_failed")
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void givenBadParameters_search_rejectsEachNamingIt() {
        Map<String, List<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("q", List.of(Map.of(), Map.of("q", ""), Map.of("q", "   ")));
        cases.put(
                "categoryId",
                List.of(
                        Map.of("q", "x", "categoryId", "abc"),
                        Map.of("q", "x", "categoryId", "0"),
                        Map.of("q", "x", "categoryId", "-3"),
                        Map.of("q", "x", "categoryId", "1.5")));
        cases.put(
                "minPrice",
                List.of(
                        Map.of("q", "x", "minPrice", "abc"),
                        Map.of("q", "x", "minPrice", "-1"),
                        Map.of("q", "x", "minPrice", "1e3"),
                        Map.of("q", "x", "minPrice", "1.00001"),
                        Map.of("q", "x", "minPrice", "99999999999999999999")));
        cases.put(
                "maxPrice",
                List.of(Map.of("q", "x", "maxPrice", "NaN"), Map.of("q", "x", "minPrice", "10", "maxPrice", "9")));
        cases.put("sort", List.of(Map.of("q", "x", "sort", "name"), Map.of("q", "x", "sort", "price;drop")));
        cases.put(
                "page",
                List.of(
                        Map.of("q", "x", "page", "-1"),
                        Map.of("q", "x", "page", "one"),
                        Map.of("q", "x", "page", "10001")));
        cases.put(
                "size",
                List.of(Map.of("q", "x", "size", "0"), Map.of("q", "x", "size", "101"), Map.of("q", "x", "size", "x")));
        cases.forEach((field, variants) -> {
            for (Map<String, Object> params : variants) {
                assertProblem(search(new HashMap<>(params)), 400, "validation_failed")
                        .body("errors[0].field", equalTo(field));
            }
        });
    }

    @Test
    void givenCatalogChanges_search_reflectsEachOnTheNextSearch() {
        assertThat(ids("스탠드")).isEmpty();
        long id = product("LED 스탠드 조명", "45000");
        assertThat(ids("스탠드")).as("findable as soon as the creation returned").containsExactly(id);
        assertThat(ids("조명")).containsExactly(id);

        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "무드등 Mood Lamp", "price", 47000, "categoryId", category))
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200);
        assertThat(ids("스탠드")).isEmpty();
        assertThat(ids("무드등")).containsExactly(id);
        searchHere("lamp").body("items[0].price", equalTo(47000));

        given().auth()
                .oauth2(CatalogTokens.admin())
                .delete("/api/v1/products/" + id)
                .then()
                .statusCode(204);
        assertThat(ids("무드등")).isEmpty();
        assertThat(ids("lamp")).isEmpty();
    }

    @Test
    void givenIncrementalChanges_rebuild_answersExactlyTheSame() {
        long a = product("아이패드 미니 6", "700000");
        product("Galaxy Tab S9", "900000");
        long c = product("아이패드 케이스", "30000");
        product("갤럭시 탭 S9 FE", "600000");
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "아이패드 미니 7", "price", 750000, "categoryId", category))
                .put("/api/v1/products/" + a)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(CatalogTokens.admin())
                .delete("/api/v1/products/" + c)
                .then()
                .statusCode(204);
        List<String> queries = List.of("아이패드", "패드", "미니", "galaxy", "tab", "s9", "갤럭시", "탭", "아이페드", "케이스", "검색", "7");
        List<String> before = answers(queries);
        String rebuilt = given().auth()
                .oauth2(CatalogTokens.admin())
                .post("/api/v1/search/rebuild")
                .then()
                .statusCode(200)
                .body("indexed", greaterThanOrEqualTo(3))
                .extract()
                .asString();
        assertThat(rebuilt).contains("tookMs");
        assertThat(answers(queries)).isEqualTo(before);
    }

    @Test
    void givenDemoCatalog_search_findsItsProductsThroughTheCatalogEvents() {
        given().auth()
                .oauth2(CatalogTokens.admin())
                .post("/api/v1/admin/demo-data")
                .then()
                .statusCode(200);
        List<Map<String, Object>> categories = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        long electronics = categories.stream()
                .filter(c -> "전자제품 Electronics".equals(c.get("name")))
                .map(c -> ((Number) c.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        ValidatableResponse r = search(Map.of("q", "무선 이어폰", "categoryId", electronics, "size", 100))
                .statusCode(200)
                .body("total", equalTo(25));
        assertThat(r.extract().jsonPath().getList("items.name", String.class))
                .allSatisfy(n -> assertThat(n).contains("무선 이어폰"));
        search(Map.of("q", "bluetooth speaker", "categoryId", electronics))
                .statusCode(200)
                .body("total", equalTo(25));
    }

    @Test
    void givenNonAdmin_rebuild_isRefused() {
        assertProblem(given().post("/api/v1/search/rebuild").then(), 401, "unauthorized");
        assertProblem(
                given().auth()
                        .oauth2(CatalogTokens.customer())
                        .post("/api/v1/search/rebuild")
                        .then(),
                403,
                "forbidden");
    }

    private List<String> answers(List<String> queries) {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            for (String sort : List.of("relevance", "price", "-price")) {
                out.add(searchHere(q, "sort", sort).extract().asString());
            }
            out.add(searchHere(q, "size", 1, "page", 1).extract().asString());
        }
        return out;
    }
}
