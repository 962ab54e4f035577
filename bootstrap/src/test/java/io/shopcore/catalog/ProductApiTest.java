package io.shopcore.catalog;

import static io.restassured.RestAssured.given;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.postProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.shopcore.catalog.support.CatalogTokens;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The product endpoints over HTTP, as clients use them (DESIGN.md section 3, Catalog). */
@QuarkusTest
class ProductApiTest {

    static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    long category;
    String categoryName;

    @BeforeEach
    void setUp() {
        categoryName = unique("전자제품 Electronics");
        category = createCategory(categoryName);
    }

    static String body(String name, String price, long categoryId) {
        return "{\"name\":\"" + name + "\",\"price\":" + price + ",\"categoryId\":" + categoryId + "}";
    }

    static ValidatableResponse list(String query) {
        return given().config(EXACT).get("/api/v1/products" + query).then();
    }

    static void assertValidationFailed(ValidatableResponse r, String field) {
        r.statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void givenAdmin_create_answers201WithLocationAndTheProduct() {
        String location = given().config(EXACT)
                .auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"삼성 갤럭시 버즈3 Pro 무선 이어폰\",\"description\":\"노이즈 캔슬링 · ANC\",\"price\":329000,"
                        + "\"categoryId\":" + category + ",\"initialStock\":25}")
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/products/"))
                .body("id", notNullValue())
                .body("name", equalTo("삼성 갤럭시 버즈3 Pro 무선 이어폰"))
                .body("description", equalTo("노이즈 캔슬링 · ANC"))
                .body("price", equalTo(329000))
                .body("currency", equalTo("KRW"))
                .body("category.id", equalTo((int) category))
                .body("category.name", equalTo(categoryName))
                .body("available", equalTo(25))
                .body("createdAt", notNullValue())
                .extract()
                .header("Location");
        given().config(EXACT)
                .get(URI.create(location).getPath())
                .then()
                .statusCode(200)
                .body("name", equalTo("삼성 갤럭시 버즈3 Pro 무선 이어폰"))
                .body("price", equalTo(329000))
                .body("available", equalTo(25));
    }

    @Test
    void givenExactDecimalPriceInUsd_create_keepsItExact() {
        String body =
                "{\"name\":\"Apple AirPods 4\",\"price\":129.99,\"currency\":\"USD\",\"categoryId\":" + category + "}";
        long id = postProduct(body)
                .statusCode(201)
                .body(containsString("\"price\":129.99"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body(containsString("\"price\":129.99"))
                .body("currency", equalTo("USD"))
                .body("available", equalTo(0));
    }

    @Test
    void givenProducts_list_pagesSortsFiltersAndShowsAvailability() {
        createProduct(category, "Charlie 충전기", "30000", 3);
        createProduct(category, "Alpha 케이블", "10000", 1);
        createProduct(category, "Bravo 보조배터리", "20000", 2);
        list("?categoryId=" + category + "&sort=price")
                .statusCode(200)
                .body("items.name", equalTo(List.of("Alpha 케이블", "Bravo 보조배터리", "Charlie 충전기")))
                .body("items.available", equalTo(List.of(1, 2, 3)))
                .body("items.category.name", everyItem(equalTo(categoryName)))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", equalTo(3));
        list("?categoryId=" + category + "&sort=-price")
                .statusCode(200)
                .body("items.name", equalTo(List.of("Charlie 충전기", "Bravo 보조배터리", "Alpha 케이블")));
        list("?categoryId=" + category + "&sort=name&page=1&size=2")
                .statusCode(200)
                .body("items.name", equalTo(List.of("Charlie 충전기")))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        list("?categoryId=" + category + "&sort=id&page=5")
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(3));
        list("").statusCode(200).body("size", equalTo(20));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "size=0",
                "size=101",
                "page=-1",
                "sort=cheapest",
                "sort=PRICE",
                "categoryId=abc",
                "categoryId=-3",
                "categoryId=0",
                "page=x",
                "size=1.5",
                "page=501",
                "after=not-a-cursor",
                "after=djF8bmFtZXwxfHx4"
            })
    void givenBadQuery_list_is400ValidationFailed(String query) {
        String field = query.substring(0, query.indexOf('='));
        assertValidationFailed(given().get("/api/v1/products?" + query).then(), field);
    }

    @Test
    void givenMoreProductsThanAPage_list_givesANextCursorThatWalksEveryOrderToTheEnd() {
        createProduct(category, "Charlie 충전기", "30000", 3);
        createProduct(category, "Alpha 케이블", "10000", 1);
        createProduct(category, "Bravo 보조배터리", "20000", 2);
        createProduct(category, "Delta | 파이프 이름", "20000", 4);
        createProduct(category, "Echo 케이스", "10000", 5);
        for (String sort : List.of("id", "price", "-price", "name")) {
            List<String> expected = list("?categoryId=" + category + "&sort=" + sort)
                    .extract()
                    .jsonPath()
                    .getList("items.name");
            ValidatableResponse first = list("?categoryId=" + category + "&sort=" + sort + "&size=2")
                    .statusCode(200)
                    .body("page", equalTo(0))
                    .body("total", equalTo(5))
                    .body("next", notNullValue());
            List<String> walked =
                    new java.util.ArrayList<>(first.extract().jsonPath().getList("items.name"));
            String next = first.extract().jsonPath().getString("next");
            int pages = 1;
            while (next != null) {
                ValidatableResponse r = list("?categoryId=" + category + "&sort=" + sort + "&size=2&after=" + next)
                        .statusCode(200)
                        .body("page", nullValue())
                        .body("size", equalTo(2))
                        .body("total", equalTo(5));
                walked.addAll(r.extract().jsonPath().getList("items.name"));
                next = r.extract().jsonPath().getString("next");
                pages++;
            }
            assertThat(walked).as(sort).isEqualTo(expected).hasSize(5);
            assertThat(pages).as(sort).isEqualTo(3);
        }
        // The last numbered page has no next; a cursor only works with the sort it was made for.
        list("?categoryId=" + category + "&size=2&page=2").statusCode(200).body("next", nullValue());
        String byName = list("?categoryId=" + category + "&sort=name&size=2")
                .extract()
                .jsonPath()
                .getString("next");
        assertValidationFailed(list("?categoryId=" + category + "&sort=price&after=" + byName), "after");
    }

    @Test
    void givenTheDeepestNumberedPage_list_answersAndOneDeeperIsAClear400() {
        list("?page=500&size=20").statusCode(200);
        list("?page=100&size=100").statusCode(200);
        list("?page=501&size=20")
                .statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", containsString("after"));
        assertValidationFailed(list("?page=101&size=100"), "page");
        String next = list("?size=1").extract().jsonPath().getString("next");
        assertValidationFailed(list("?page=0&after=" + next), "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "1.5", "99999999999999999999"})
    void givenBadId_get_is400ValidationFailed(String id) {
        assertValidationFailed(given().get("/api/v1/products/" + id).then(), "id");
    }

    @Test
    void givenUnknownId_get_is404NotFound() {
        given().get("/api/v1/products/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    @Test
    void givenBadBodies_create_is400AndCreatesNothing() {
        String name = unique("never");
        String[][] cases = {
            {"{\"price\":1000,\"categoryId\":" + category + "}", "name"},
            {body("   ", "1000", category), "name"},
            {body(name, "-1", category), "price"},
            {"{\"name\":\"" + name + "\",\"categoryId\":" + category + "}", "price"},
            {body(name, "\"1000\"", category), "price"},
            {body(name, "10.5", category), "price"},
            {body(name, "1000", 987654321L), "categoryId"},
            {"{\"name\":\"" + name + "\",\"price\":1000}", "categoryId"},
            {
                "{\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category + ",\"currency\":\"XYZ\"}",
                "currency"
            },
            {
                "{\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category + ",\"initialStock\":-1}",
                "initialStock"
            },
            {"{\"id\":5,\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category + "}", "id"},
            {"{\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category + ",\"available\":9}", "available"},
            {
                "{\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category
                        + ",\"createdAt\":\"2020-01-01T00:00:00Z\"}",
                "createdAt"
            },
            {"{\"name\":\"" + name + "\",\"price\":1000,", "body"},
            {"[]", "body"},
        };
        for (String[] c : cases) {
            ValidatableResponse r = postProduct(c[0]);
            r.statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("body".equals(c[1]) ? "malformed_request" : "validation_failed"));
            if (!"body".equals(c[1])) {
                r.body("errors.field", hasItem(c[1]));
            }
        }
        list("?categoryId=" + category).body("total", equalTo(0));
    }

    @Test
    void givenAProduct_update_answers200AndChangesReadsAtOnce() {
        long id = createProduct(category, "Old 이름", "1000", 4);
        // Warm both caches first, so the test proves invalidation, not a cold read.
        list("?categoryId=" + category).body("items[0].price", equalTo(1000));
        given().get("/api/v1/products/" + id).then().statusCode(200);

        given().config(EXACT)
                .auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"New 이름\",\"description\":\"바뀜\",\"price\":1500,\"categoryId\":" + category + "}")
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("New 이름"))
                .body("price", equalTo(1500))
                .body("available", equalTo(4));

        list("?categoryId=" + category)
                .body("items[0].name", equalTo("New 이름"))
                .body("items[0].price", equalTo(1500))
                .body("items[0].description", equalTo("바뀜"));
        given().config(EXACT)
                .get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("price", equalTo(1500))
                .body("name", equalTo("New 이름"));
    }

    @Test
    void givenBadUpdates_update_is400Or404AndChangesNothing() {
        long id = createProduct(category, "Keep 유지", "1000", 1);
        String admin = CatalogTokens.admin();
        assertValidationFailed(
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body("{\"id\":" + (id + 1) + ",\"name\":\"x\",\"price\":1,\"categoryId\":" + category + "}")
                        .put("/api/v1/products/" + id)
                        .then(),
                "id");
        assertValidationFailed(
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(body("x", "-5", category))
                        .put("/api/v1/products/" + id)
                        .then(),
                "price");
        assertValidationFailed(
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(body("x", "5", 987654321L))
                        .put("/api/v1/products/" + id)
                        .then(),
                "categoryId");
        assertValidationFailed(
                given().auth()
                        .oauth2(admin)
                        .contentType(ContentType.JSON)
                        .body(body("x", "5", category))
                        .put("/api/v1/products/abc")
                        .then(),
                "id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body("x", "5", category))
                .put("/api/v1/products/987654321")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        given().get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Keep 유지"))
                .body("price", equalTo(1000));
    }

    @Test
    void givenAProduct_delete_answers204ThenItIsGoneEverywhere() {
        long keep = createProduct(category, "Stays", "1000", 1);
        long id = createProduct(category, "Goes away 삭제", "2000", 1);
        list("?categoryId=" + category).body("items.id", hasItem((int) id));

        given().auth()
                .oauth2(CatalogTokens.admin())
                .delete("/api/v1/products/" + id)
                .then()
                .statusCode(204);

        given().get("/api/v1/products/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        list("?categoryId=" + category)
                .body("items.id", not(hasItem((int) id)))
                .body("items.id", hasItem((int) keep))
                .body("total", equalTo(1));
        given().auth()
                .oauth2(CatalogTokens.admin())
                .delete("/api/v1/products/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(body("x", "1", category))
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(404);
        assertValidationFailed(
                given().auth()
                        .oauth2(CatalogTokens.admin())
                        .delete("/api/v1/products/-1")
                        .then(),
                "id");
    }

    @Test
    void givenNoOrCustomerToken_writes_are401Or403AndChangeNothing() {
        long id = createProduct(category, "Guarded", "1000", 1);
        String create = body("Intruder", "1", category);
        given().contentType(ContentType.JSON)
                .body(create)
                .post("/api/v1/products")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        given().contentType(ContentType.JSON)
                .body(create)
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(401);
        given().delete("/api/v1/products/" + id).then().statusCode(401);
        given().auth()
                .oauth2("not-a-token")
                .delete("/api/v1/products/" + id)
                .then()
                .statusCode(401);
        String customer = CatalogTokens.customer();
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(create)
                .post("/api/v1/products")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(create)
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(403);
        given().auth().oauth2(customer).delete("/api/v1/products/" + id).then().statusCode(403);
        given().auth().oauth2(customer).post("/api/v1/admin/demo-data").then().statusCode(403);
        given().post("/api/v1/admin/demo-data").then().statusCode(401);
        // path variants must not slip past the role check
        given().auth()
                .oauth2(customer)
                .delete("/api/v1/products/" + id + "/")
                .then()
                .statusCode(anyOf(equalTo(403), equalTo(404), equalTo(405)));
        given().auth()
                .oauth2(customer)
                .delete("/api/v1//products/" + id)
                .then()
                .statusCode(anyOf(equalTo(403), equalTo(404), equalTo(405)));
        given().get("/api/v1/products/" + id).then().statusCode(200).body("name", equalTo("Guarded"));
        list("?categoryId=" + category).body("total", equalTo(1));
    }

    @Test
    void givenAReadCustomer_reads_arePublic() {
        given().auth()
                .oauth2(CatalogTokens.customer())
                .get("/api/v1/products")
                .then()
                .statusCode(200);
        given().get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void givenCategories_listAndCreate_work() {
        given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .body("find { it.id == " + category + " }.name", equalTo(categoryName));
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + categoryName + "\"}")
                .post("/api/v1/categories")
                .then()
                .statusCode(409)
                .body("code", equalTo("conflict"));
        assertValidationFailed(
                given().auth()
                        .oauth2(CatalogTokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"name\":\"  \"}")
                        .post("/api/v1/categories")
                        .then(),
                "name");
        assertValidationFailed(
                given().auth()
                        .oauth2(CatalogTokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"name\":\"x\",\"id\":3}")
                        .post("/api/v1/categories")
                        .then(),
                "id");
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}")
                .post("/api/v1/categories")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(CatalogTokens.customer())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}")
                .post("/api/v1/categories")
                .then()
                .statusCode(403);
    }

    @Test
    void givenOmittedDescription_create_answersNullDescription() {
        long id = createProduct(category, "No description", "1", 0);
        given().get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("description", nullValue())
                .body("available", equalTo(0));
        assertThat(id).isPositive();
        given().get("/api/v1/products/" + id).then().header("Content-Type", startsWith("application/json"));
    }
}
