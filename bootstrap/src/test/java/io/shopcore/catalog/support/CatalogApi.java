package io.shopcore.catalog.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** REST helpers for catalog tests: everything created gets a unique name, so tests never collide. */
public final class CatalogApi {

    private CatalogApi() {}

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long createCategory(String name) {
        return given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/v1/categories")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static ValidatableResponse postProduct(Object body) {
        return given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/products")
                .then();
    }

    public static long createProduct(long categoryId, String name, String price, int initialStock) {
        return postProduct(Map.of(
                        "name",
                        name,
                        "price",
                        new BigDecimal(price),
                        "categoryId",
                        categoryId,
                        "initialStock",
                        initialStock))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
