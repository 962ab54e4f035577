package io.shopcore.bootstrap.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shopcore.bootstrap.support.TestUsers;
import io.shopcore.client.ApiClient;
import io.shopcore.client.ApiException;
import io.shopcore.client.api.AuthApi;
import io.shopcore.client.api.CatalogApi;
import io.shopcore.client.api.StockApi;
import io.shopcore.client.model.CategoryResponse;
import io.shopcore.client.model.CreateCategoryRequest;
import io.shopcore.client.model.ProductPageResponse;
import io.shopcore.client.model.ProductRequest;
import io.shopcore.client.model.ProductResponse;
import io.shopcore.client.model.RegisterRequest;
import io.shopcore.client.model.ReservationResponse;
import io.shopcore.client.model.ReserveStockRequest;
import io.shopcore.client.model.StockLevelResponse;
import io.shopcore.client.model.TokenRequest;
import io.shopcore.client.model.TokenResponse;
import io.shopcore.client.model.UserResponse;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client developer's first session, through the Java client generated from docs/openapi.yaml (bootstrap's
 * openapi-generator execution) against this test instance on 127.0.0.1: register, log in, list products,
 * reserve, confirm. If the document stops describing what the service does (names, types, security,
 * problem answers), this stops compiling or fails.
 */
@QuarkusTest
class ApiClientSmokeTest {

    @Test
    void registerLogInListReserveConfirm_throughTheGeneratedClient() throws ApiException {
        String base = "http://127.0.0.1:" + RestAssured.port;

        // An administrator stocks a product, so the customer has something to reserve.
        ApiClient admin = client(base, logIn(base, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
        CatalogApi adminCatalog = new CatalogApi(admin);
        CategoryResponse category = adminCatalog.createCategory(new CreateCategoryRequest()
                .name("smoke-" + UUID.randomUUID().toString().substring(0, 8)));
        ProductResponse product = adminCatalog.createProduct(new ProductRequest()
                .name("Smoke test earbuds")
                .price(new BigDecimal("159000"))
                .currency("KRW")
                .categoryId(category.getId())
                .initialStock(5));

        // The customer's session.
        String username = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        UserResponse user = new AuthApi(client(base, null))
                .register(new RegisterRequest().username(username).password(TestUsers.PASSWORD));
        assertThat(user.getRoles()).containsExactly("customer");
        ApiClient customer = client(base, logIn(base, username, TestUsers.PASSWORD));
        assertThat(new AuthApi(customer).getCurrentUser().getUsername()).isEqualTo(username);

        ProductPageResponse page = new CatalogApi(customer).listProducts(null, category.getId(), 0, 20, "price");
        assertThat(page.getTotal()).isEqualTo(1L);
        assertThat(page.getNext()).as("one product: no page after this one").isNull();
        assertThat(page.getItems()).extracting(ProductResponse::getId).containsExactly(product.getId());
        assertThat(page.getItems().getFirst().getAvailable()).isEqualTo(5);

        StockApi stock = new StockApi(customer);
        ReservationResponse held = stock.reserveStock(
                product.getId(),
                new ReserveStockRequest().quantity(2),
                UUID.randomUUID().toString());
        assertThat(held.getStatus()).hasToString("HELD");
        assertThat(stock.getStockLevel(product.getId()).getReserved()).isEqualTo(2);

        ReservationResponse confirmed = stock.confirmReservation(held.getId());
        assertThat(confirmed.getStatus()).hasToString("CONFIRMED");
        StockLevelResponse level = stock.getStockLevel(product.getId());
        assertThat(level.getTotal()).isEqualTo(3);
        assertThat(level.getReserved()).isZero();

        // A documented problem answer reaches the client as its status and problem+json body.
        ApiException tooMany = catchThrowableOfType(
                ApiException.class,
                () -> stock.reserveStock(product.getId(), new ReserveStockRequest().quantity(4), null));
        assertThat(tooMany.getCode()).isEqualTo(409);
        assertThat(tooMany.getResponseBody()).contains("\"code\":\"insufficient_stock\"");
    }

    private static String logIn(String base, String username, String password) throws ApiException {
        TokenResponse tokens = new AuthApi(client(base, null))
                .logIn(new TokenRequest().username(username).password(password));
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        return tokens.getAccessToken();
    }

    private static ApiClient client(String base, String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }
}
