package io.shopcore.bootstrap.crossmodule;

import static io.restassured.RestAssured.given;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catalog pages are cached, availability never is: a reservation, a release and a deletion made through
 * the stock and catalog APIs show on the very next read of the cached list and detail.
 */
@QuarkusTest
class AvailabilityFreshnessTest {

    @Test
    void givenCachedPages_reserveAndRelease_showOnTheNextRead() {
        long category = createCategory(unique("Fresh 신선"));
        long id = createProduct(category, "사과 Apple", "3000", 10);
        String list = "/api/v1/products?categoryId=" + category;
        // warm both cache tiers
        for (int i = 0; i < 2; i++) {
            given().get(list).then().statusCode(200).body("items.available", equalTo(List.of(10)));
            given().get("/api/v1/products/" + id).then().statusCode(200).body("available", equalTo(10));
        }

        String customer = TestUsers.customerToken(
                "fresh-buyer-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        String reservation = given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":3}")
                .post("/api/v1/stock/" + id + "/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get(list).then().statusCode(200).body("items.available", equalTo(List.of(7)));
        given().get("/api/v1/products/" + id).then().statusCode(200).body("available", equalTo(7));
        given().get("/api/v1/stock/" + id)
                .then()
                .statusCode(200)
                .body("available", equalTo(7))
                .body("reserved", equalTo(3));

        given().auth()
                .oauth2(customer)
                .post("/api/v1/reservations/" + reservation + "/release")
                .then()
                .statusCode(200);
        given().get(list).then().statusCode(200).body("items.available", equalTo(List.of(10)));

        given().auth()
                .oauth2(TestUsers.adminToken())
                .delete("/api/v1/products/" + id)
                .then()
                .statusCode(204);
        given().get(list).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/products/" + id).then().statusCode(404);
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body("{\"quantity\":1}")
                .post("/api/v1/stock/" + id + "/reservations")
                .then()
                .statusCode(404);
    }
}
