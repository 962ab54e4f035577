package io.shopcore.catalog;

import static io.restassured.RestAssured.given;
import static io.shopcore.catalog.support.CatalogApi.createCategory;
import static io.shopcore.catalog.support.CatalogApi.createProduct;
import static io.shopcore.catalog.support.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopcore.catalog.adapter.out.cache.TwoTierProductCache;
import io.shopcore.catalog.adapter.out.persistence.JdbcProductReadModel;
import io.shopcore.catalog.application.ProductQueryService;
import io.shopcore.catalog.application.port.in.AvailableProduct;
import io.shopcore.catalog.application.port.in.AvailableProductPage;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductSort;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductStock;
import io.shopcore.catalog.domain.CategoryId;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.catalog.support.CatalogTokens;
import io.shopcore.catalog.testing.HoldFirstLoad;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cache read-your-write (issue 9) with the real two-tier cache, Redis, PostgreSQL and the real update
 * transaction: a load that read the old row before an update and finishes after the update's
 * invalidation must neither be handed to a reader that came after the update (single flight keyed by the
 * cache generation) nor put its old value into the near cache or Redis. Ordered with latches.
 */
@QuarkusTest
class CacheReadYourWriteTest {

    @Inject
    JdbcProductReadModel readModel;

    @Inject
    TwoTierProductCache cache;

    @Inject
    ProductStock stock;

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void givenAProductLoadStartedBeforeAnUpdate_readsAfterTheUpdate_neverSeeTheOldValue() throws Exception {
        long category = createCategory(unique("도서 Books"));
        long id = createProduct(category, "old name", "1000", 5);
        cache.clear();
        HoldFirstLoad held = new HoldFirstLoad(readModel);
        ProductQueryService queries = new ProductQueryService(held, cache, stock);

        Future<Optional<AvailableProduct>> before = threads.submit(() -> queries.findProduct(new ProductId(id)));
        assertThat(held.loaded.await(10, TimeUnit.SECONDS)).isTrue(); // it has read the old row

        rename(id, category, "new name"); // commits and invalidates while that load is still in flight

        // The writer reads back: it does not join the older load (it would hang here) and sees its write.
        Future<Optional<AvailableProduct>> after = threads.submit(() -> queries.findProduct(new ProductId(id)));
        assertThat(after.get(10, TimeUnit.SECONDS).orElseThrow().view().name()).isEqualTo("new name");

        held.release.countDown(); // the old load now fills, after the invalidation
        assertThat(before.get(10, TimeUnit.SECONDS).orElseThrow().view().name()).isEqualTo("old name");

        assertThat(queries.findProduct(new ProductId(id)).orElseThrow().view().name())
                .isEqualTo("new name");
        cache.clearNearCache(); // what another instance sees: Redis only
        assertThat(cache.product(new ProductId(id)).cached().map(ProductView::name))
                .as("Redis holds the new value, not the old one")
                .contains("new name");
        given().get("/api/v1/products/" + id).then().statusCode(200).body("name", equalTo("new name"));
    }

    @Test
    void givenAPageLoadStartedBeforeAnUpdate_listsAfterTheUpdate_neverSeeTheOldValue() throws Exception {
        long category = createCategory(unique("도서 Books"));
        long id = createProduct(category, "old name", "1000", 5);
        ProductListQuery page = new ProductListQuery(new CategoryId(category), ProductSort.ID, 0, 20);
        cache.clear();
        HoldFirstLoad held = new HoldFirstLoad(readModel);
        ProductQueryService queries = new ProductQueryService(held, cache, stock);

        Future<AvailableProductPage> before = threads.submit(() -> queries.listProducts(page));
        assertThat(held.loaded.await(10, TimeUnit.SECONDS)).isTrue();
        rename(id, category, "new name");

        Future<AvailableProductPage> after = threads.submit(() -> queries.listProducts(page));
        assertThat(names(after.get(10, TimeUnit.SECONDS))).containsExactly("new name");
        held.release.countDown();
        assertThat(names(before.get(10, TimeUnit.SECONDS))).containsExactly("old name");

        assertThat(names(queries.listProducts(page))).containsExactly("new name");
        cache.clearNearCache();
        assertThat(names(queries.listProducts(page))).containsExactly("new name");
        given().get("/api/v1/products?categoryId=" + category)
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("new name"));
    }

    private static void rename(long id, long category, String name) {
        given().auth()
                .oauth2(CatalogTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"price\":1000,\"categoryId\":" + category + "}")
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200);
    }

    private static List<String> names(AvailableProductPage page) {
        return page.items().stream().map(p -> p.view().name()).toList();
    }
}
