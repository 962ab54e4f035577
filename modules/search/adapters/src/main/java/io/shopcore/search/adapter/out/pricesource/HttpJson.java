package io.shopcore.search.adapter.out.pricesource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shopcore.search.application.port.out.PriceSource.Failure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One GET of a JSON document through the Vert.x web client (on Quarkus' Vert.x), awaited by the calling
 * (virtual) thread; every outcome classified: 2xx JSON is parsed (numbers as exact decimals), anything
 * else becomes a {@link SourceCallException}. The URI is built here with every parameter percent-encoded.
 * An interrupt (the search's deadline) stops the wait at once.
 */
final class HttpJson implements AutoCloseable {

    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final WebClient client;
    private final ObjectMapper json;
    private final String endpoint;
    private final long readTimeoutMillis;
    private final Duration defaultRetryAfter;

    HttpJson(
            Vertx vertx,
            String baseUrl,
            String path,
            Duration connectTimeout,
            Duration readTimeout,
            Duration defaultRetryAfter,
            ObjectMapper json) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String p = path == null || path.isEmpty() ? "" : (path.startsWith("/") ? path : "/" + path);
        this.endpoint = base + p;
        URI.create(endpoint); // fails at start-up on a malformed URL
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                        .setFollowRedirects(false)
                        .setUserAgent("shopcore-price-search"));
        this.readTimeoutMillis = Math.max(1, readTimeout.toMillis());
        this.json = json.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        this.defaultRetryAfter = defaultRetryAfter;
    }

    /** GET endpoint?params with headers; the parsed body of a 2xx JSON answer. */
    JsonNode get(Map<String, String> params, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.getAbs(endpoint + query(params))
                .timeout(readTimeoutMillis)
                .putHeader("Accept", "application/json");
        headers.forEach(request::putHeader);
        HttpResponse<Buffer> response;
        try {
            response = request.send().toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceCallException(Failure.DEADLINE, "interrupted at the search's deadline", null, e);
        } catch (ExecutionException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        }
        int status = response.statusCode();
        if (status == 429) {
            Duration wait = retryAfter(response.getHeader("Retry-After"), defaultRetryAfter, ZonedDateTime.now());
            throw new SourceCallException(
                    Failure.RATE_LIMITED, "429 Too Many Requests, Retry-After " + wait.toSeconds() + " s", wait, null);
        }
        if (status >= 500) {
            throw new SourceCallException(Failure.SERVER_ERROR, "HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            throw new SourceCallException(Failure.CLIENT_ERROR, "HTTP " + status);
        }
        String type = response.getHeader("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
            int semicolon = type.indexOf(';');
            throw new SourceCallException(
                    Failure.MALFORMED, "not JSON: " + (semicolon < 0 ? type : type.substring(0, semicolon)).trim());
        }
        String body = response.bodyAsString();
        if (body == null || body.isBlank()) {
            throw new SourceCallException(Failure.MALFORMED, "empty body");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new SourceCallException(Failure.MALFORMED, "empty body");
            }
            return node;
        } catch (IOException e) {
            throw new SourceCallException(
                    Failure.MALFORMED,
                    "invalid JSON: "
                            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                    ? j.getOriginalMessage()
                                    : e.getMessage()),
                    null,
                    null);
        }
    }

    /** A price given as a JSON number or a string of digits; null when absent or not a plain decimal. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.matches("[0-9]{1,19}(\\.[0-9]{1,6})?")) {
                return new BigDecimal(text);
            }
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    @Override
    public void close() {
        client.close();
    }

    private static String query(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(params).entrySet()) {
            b.append(b.isEmpty() ? '?' : '&')
                    .append(encode(e.getKey()))
                    .append('=')
                    .append(encode(e.getValue()));
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Retry-After as delta-seconds or an HTTP date, at most {@link #MAX_RETRY_AFTER}; the fallback when absent or unreadable. */
    static Duration retryAfter(String header, Duration defaultRetryAfter, ZonedDateTime now) {
        if (header == null || header.isBlank()) {
            return defaultRetryAfter;
        }
        String v = header.trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException unparsable) {
                return defaultRetryAfter;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static SourceCallException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new SourceCallException(
                        Failure.TIMEOUT, "timed out: " + t.getClass().getSimpleName(), null, e);
            }
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)) {
            return new SourceCallException(Failure.IO_ERROR, "cannot connect: " + rootMessage(e), null, e);
        }
        return new SourceCallException(Failure.IO_ERROR, rootMessage(e), null, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
