package io.shopcore.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.catalog.adapter.out.cache.TwoTierProductCache;
import io.shopcore.catalog.adapter.out.persistence.JdbcProductReadModel;
import io.shopcore.catalog.adapter.out.stock.StockApiProductStock;
import io.shopcore.catalog.support.CatalogTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Demo data, the N+1 guard and the cache's hit/miss behaviour, seen from the HTTP side. */
@QuarkusTest
class CatalogReadPathTest {

    @Inject
    JdbcProductReadModel readModel;

    @Inject
    StockApiProductStock stock;

    @Inject
    TwoTierProductCache cache;

    @Inject
    EntityManagerFactory emf;

    @Inject
    MeterRegistry registry;

    @Inject
    javax.sql.DataSource dataSource;

    long demoCategory;

    @BeforeEach
    void loadDemoData() {
        given().auth()
                .oauth2(CatalogTokens.admin())
                .post("/api/v1/admin/demo-data")
                .then()
                .statusCode(200);
        List<Integer> ids = given().get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.name == '전자제품 Electronics' }.id", Integer.class);
        assertThat(ids).hasSize(1);
        demoCategory = ids.getFirst();
    }

    @Test
    void givenDemoDataLoadedTwice_load_isIdempotent() {
        given().auth()
                .oauth2(CatalogTokens.admin())
                .post("/api/v1/admin/demo-data")
                .then()
                .statusCode(200)
                .body("categoriesCreated", equalTo(0))
                .body("productsCreated", equalTo(0))
                .body("categoriesTotal", equalTo(10));
        given().get("/api/v1/products?categoryId=" + demoCategory + "&size=100")
                .then()
                .statusCode(200)
                .body("total", equalTo(100))
                .body("items", hasSize(100));
    }

    @Test
    void givenPagesOf10And100_list_runsTheSameBoundedNumberOfStatements() {
        long[] small = statementsFor("/api/v1/products?categoryId=" + demoCategory + "&size=10&page=1&sort=name");
        long[] large = statementsFor("/api/v1/products?categoryId=" + demoCategory + "&size=100&sort=-price");
        // {catalog SQL, stock lookups, Hibernate statements}: the maintained count + the rows, one batched stock
        // call, no ORM.
        assertThat(small).containsExactly(2, 1, 0);
        assertThat(large).containsExactly(2, 1, 0);

        // A warm page costs no catalog SQL at all, only the fresh availability lookup.
        long[] warm = statementsFor("/api/v1/products?categoryId=" + demoCategory + "&size=100&sort=-price", false);
        assertThat(warm).containsExactly(0, 1, 0);
    }

    @Test
    void givenPagesPastTheEndOrUnknownCategories_list_answersFromTheCountAloneAndCachesNothing() {
        String past = "/api/v1/products?categoryId=" + demoCategory + "&size=20&page=400";
        String unknown = "/api/v1/products?categoryId=987654321";
        // Only the count is read (there is nothing to look for), and nothing is cached: asked twice, read twice.
        assertThat(statementsFor(past)).containsExactly(1, 0, 0);
        assertThat(statementsFor(past, false)).containsExactly(1, 0, 0);
        assertThat(statementsFor(unknown)).containsExactly(1, 0, 0);
        assertThat(statementsFor(unknown, false)).containsExactly(1, 0, 0);
        given().get(past).then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(100));
        given().get(unknown).then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void givenADeepCursor_list_runsTheSameTwoStatementsAndIsNeverCached() {
        String first = "/api/v1/products?categoryId=" + demoCategory + "&size=10&sort=name";
        String next =
                given().get(first).then().statusCode(200).extract().jsonPath().getString("next");
        String byCursor = first + "&after=" + next;
        assertThat(statementsFor(byCursor)).containsExactly(2, 1, 0);
        assertThat(statementsFor(byCursor, false)).containsExactly(2, 1, 0);
    }

    @Test
    void givenProductWrites_theMaintainedCount_staysEqualToTheRows() throws Exception {
        given().get("/api/v1/products?categoryId=" + demoCategory)
                .then()
                .statusCode(200)
                .body("total", equalTo(100));
        long total = given().get("/api/v1/products").then().extract().jsonPath().getLong("total");
        try (var c = dataSource.getConnection();
                var rs = c.createStatement()
                        .executeQuery("select count(*) from catalog.products where deleted_at is null")) {
            rs.next();
            assertThat(total).isEqualTo(rs.getLong(1));
        }
    }

    @Test
    void givenAWarmCache_list_countsHitsAndMissesInPrometheus() {
        cache.clear();
        String url = "/api/v1/products?categoryId=" + demoCategory + "&size=7&sort=price";
        double nearHits = count("near", "hit");
        double redisMisses = count("redis", "miss");
        given().get(url).then().statusCode(200);
        given().get(url).then().statusCode(200);
        assertThat(count("redis", "miss") - redisMisses).isEqualTo(1.0);
        assertThat(count("near", "hit") - nearHits).isGreaterThanOrEqualTo(1.0);

        // Another instance's view: the near cache is gone, Redis still has the page.
        cache.clearNearCache();
        double redisHits = count("redis", "hit");
        long before = readModel.statementsExecuted();
        given().get(url).then().statusCode(200);
        assertThat(count("redis", "hit") - redisHits).isEqualTo(1.0);
        assertThat(readModel.statementsExecuted()).isEqualTo(before);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "shopcore_catalog_cache_requests_total{cache=\"page\",result=\"hit\",tier=\"near\"}"));
    }

    @Test
    void givenAColdPage_manyConcurrentRequests_loadItFromTheDatabaseOnlyOnceOrSo() throws Exception {
        cache.clear();
        String url = "/api/v1/products?categoryId=" + demoCategory + "&size=13&page=2&sort=name";
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long before = readModel.statementsExecuted();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().get(url).then().extract().statusCode();
                }));
            }
            start.countDown();
            for (var a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // One load is 2 statements. Without single flight every caller would load (32); with it, the callers
        // that miss while the load runs wait for it. A request that misses just as the load ends may load again.
        long statements = readModel.statementsExecuted() - before;
        assertThat(statements).isGreaterThanOrEqualTo(2).isLessThan(callers);
    }

    private double count(String tier, String result) {
        var c = registry.find("shopcore.catalog.cache.requests")
                .tag("cache", "page")
                .tag("tier", tier)
                .tag("result", result)
                .counter();
        return c == null ? 0 : c.count();
    }

    private long[] statementsFor(String url) {
        return statementsFor(url, true);
    }

    private long[] statementsFor(String url, boolean cold) {
        if (cold) {
            cache.clear();
        }
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        long sql = readModel.statementsExecuted();
        double lookups = stock.lookupCount();
        long orm = stats.getPrepareStatementCount();
        given().get(url).then().statusCode(200);
        return new long[] {
            readModel.statementsExecuted() - sql,
            (long) (stock.lookupCount() - lookups),
            stats.getPrepareStatementCount() - orm
        };
    }
}
