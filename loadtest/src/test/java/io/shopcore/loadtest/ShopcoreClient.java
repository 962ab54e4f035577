package io.shopcore.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The set-up and check-up side of a simulation (Gatling's before/after hooks): registers users, creates
 * the products a scenario needs, reads stock levels and runs the invariant audit. Plain JDK HTTP client,
 * unmeasured; any unexpected answer throws, so a broken set-up never turns into a quiet load run.
 */
public final class ShopcoreClient {

    public record Customer(String username, String password, String token) {
        Map<String, Object> asFeederRecord() {
            return Map.of("username", username, "password", password, "token", token);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ShopcoreClient(String base) {
        this.base = base;
    }

    /** Registers {@code count} fresh customers and logs each in once; a few at a time (each costs two hashes). */
    public List<Customer> customers(String prefix, int count) {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, count));
        try {
            List<Future<Customer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = prefix + "-" + runId + "-" + i;
                futures.add(pool.submit(() -> {
                    String password = "load-password-" + username.hashCode();
                    expect(post("/api/v1/auth/register", Map.of("username", username, "password", password), null), 201);
                    return new Customer(username, password, token(username, password));
                }));
            }
            List<Customer> customers = new ArrayList<>();
            for (Future<Customer> f : futures) {
                customers.add(f.get());
            }
            return customers;
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the load-test users: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    public String token(String username, String password) {
        JsonNode body = expect(post("/api/v1/auth/token", Map.of("username", username, "password", password), null), 200);
        return body.get("access_token").asText();
    }

    /** The ids of the first {@code max} products by id (pages of 100). */
    public List<Long> productIds(int max) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ids.size() < max; page++) {
            JsonNode body = expect(get("/api/v1/products?sort=id&size=100&page=" + page, null), 200);
            JsonNode items = body.get("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> { if (ids.size() < max) ids.add(item.get("id").asLong()); });
        }
        return ids;
    }

    public long productCount() {
        return expect(get("/api/v1/products?size=1", null), 200).get("total").asLong();
    }

    /** The first category, or a new "Load test" category when the catalog has none. */
    public long anyCategory(String adminToken) {
        JsonNode categories = expect(get("/api/v1/categories", null), 200);
        if (!categories.isEmpty()) {
            return categories.get(0).get("id").asLong();
        }
        return expect(post("/api/v1/categories", Map.of("name", "Load test"), adminToken), 201).get("id").asLong();
    }

    public long createProduct(String adminToken, String name, long price, int initialStock) {
        long category = anyCategory(adminToken);
        JsonNode product = expect(post("/api/v1/products", Map.of("name", name, "price", price, "currency", "KRW",
                "categoryId", category, "initialStock", initialStock), adminToken), 201);
        return product.get("id").asLong();
    }

    public void adjust(String adminToken, long productId, int delta) {
        expect(post("/api/v1/stock/" + productId + "/adjustments", Map.of("delta", delta, "reason", "load test"),
                adminToken), 200);
    }

    /** The status of a GET, for probing whether an endpoint exists in this build. */
    public int status(String path) {
        return get(path, null).statusCode();
    }

    /** {@code {productId, total, reserved, available}}. */
    public JsonNode stockLevel(long productId) {
        return expect(get("/api/v1/stock/" + productId, null), 200);
    }

    /** {@code {productsChecked, consistent, violations}}; {@code productId} null audits every product. */
    public JsonNode audit(String adminToken, Long productId) {
        return expect(get("/api/v1/stock/audit" + (productId == null ? "" : "?productId=" + productId), adminToken), 200);
    }

    private HttpResponse<String> post(String path, Object body, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("unparsable answer from " + response.uri() + ": " + response.body(), e);
        }
    }
}
