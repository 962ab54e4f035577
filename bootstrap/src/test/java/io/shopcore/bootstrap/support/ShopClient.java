package io.shopcore.bootstrap.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe JSON client of the API v1 on {@code java.net.http}, for load from many threads and for
 * applications that run as processes ({@link PackagedApp}), where REST Assured's static configuration does
 * not fit. Every call is bounded (connect 2 s, answer {@link #TIMEOUT}): a hang is a failure, never a wait.
 * Transport failures surface as {@link IOException} (a crashed or cut service), answers as {@link Answer}.
 */
public final class ShopClient {

    /** Longer than any answer the service should need, shorter than a test's patience. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public ShopClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public static ShopClient at(int port) {
        return new ShopClient(URI.create("http://127.0.0.1:" + port));
    }

    /** One answer: status, parsed JSON body (missing node when empty or not JSON) and headers. */
    public record Answer(int status, JsonNode body, HttpHeaders headers, String raw) {

        public String text(String field) {
            return body.path(field).asText();
        }

        public long number(String field) {
            return body.path(field).asLong();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Answer get(String path, String token) throws IOException {
        return send(request(path, token).GET());
    }

    public Answer get(String path) throws IOException {
        return get(path, null);
    }

    /** POST with {@code body} as JSON, or without a body when it is null. */
    public Answer post(String path, String token, Object body) throws IOException {
        return post(path, token, body, Map.of());
    }

    public Answer post(String path, String token, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder builder = body == null
                ? request(path, token).POST(HttpRequest.BodyPublishers.noBody())
                : request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    public Answer put(String path, String token, Object body) throws IOException {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    // ---- the calls tests make most, failing on an unexpected answer -----------------------------

    /** Registers (201, or 409 when the account exists). */
    public void register(String username, String password) throws IOException {
        Answer a = post("/api/v1/auth/register", null, Map.of("username", username, "password", password));
        expect(a, 201, 409);
    }

    /** An access token. */
    public String login(String username, String password) throws IOException {
        Answer a = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
        expect(a, 200);
        return a.text("access_token");
    }

    public long createCategory(String adminToken, String name) throws IOException {
        Answer a = post("/api/v1/categories", adminToken, Map.of("name", name));
        expect(a, 201);
        return a.number("id");
    }

    public long createProduct(String adminToken, long categoryId, String name, String price, int initialStock)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("price", new BigDecimal(price));
        body.put("categoryId", categoryId);
        body.put("initialStock", initialStock);
        Answer a = post("/api/v1/products", adminToken, body);
        expect(a, 201);
        return a.number("id");
    }

    /** {@code POST /stock/{id}/reservations}; {@code idempotencyKey} may be null. */
    public Answer reserve(String token, long productId, int quantity, String idempotencyKey) throws IOException {
        return post(
                "/api/v1/stock/" + productId + "/reservations",
                token,
                Map.of("quantity", quantity),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The service's own invariant audit ({@code GET /api/v1/stock/audit}, admin): its answer, checked 200. */
    public Answer audit(String adminToken) throws IOException {
        Answer a = get("/api/v1/stock/audit", adminToken);
        expect(a, 200);
        return a;
    }

    public static void expect(Answer a, int... statuses) {
        for (int s : statuses) {
            if (a.status() == s) {
                return;
            }
        }
        throw new AssertionError("unexpected answer " + a);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Answer(response.statusCode(), parse(response.body()), response.headers(), response.body());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
