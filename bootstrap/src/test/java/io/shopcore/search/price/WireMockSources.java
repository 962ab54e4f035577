package io.shopcore.search.price;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * One WireMock on 127.0.0.1 (dynamic port) playing four price sources: {@code naver} (Naver Shopping
 * format), {@code feed}, {@code flaky} (breaker test: trips fast, closes fast) and {@code limited} (429
 * test), each feed on its own path. By default every source answers "no offers"; tests add stubs matching
 * their own unique query texts, so tests never see each other's stubs.
 */
public class WireMockSources implements QuarkusTestResourceLifecycleManager {

    static final String NAVER_PATH = "/v1/search/shop.json";
    static final String FEED_PATH = "/feed/prices";
    static final String FLAKY_PATH = "/flaky/prices";
    static final String LIMITED_PATH = "/limited/prices";
    static final String NAVER_EMPTY =
            "{\"lastBuildDate\":\"Sun, 29 Nov 2026 12:00:00 +0900\",\"total\":0,\"start\":1,\"display\":0,\"items\":[]}";

    private static volatile WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo(NAVER_PATH)).atPriority(10).willReturn(json(NAVER_EMPTY)));
        for (String path : new String[] {FEED_PATH, FLAKY_PATH, LIMITED_PATH}) {
            server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(json("{\"offers\":[]}")));
        }
        String base = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new HashMap<>();
        String p = "shopcore.search.price.";
        config.put(p + "deadline", "3s");
        source(config, "naver", "naver", base, null);
        config.put(p + "sources.naver.client-id", "test-client-id");
        config.put(p + "sources.naver.client-secret", "test-client-secret");
        // longer than the deadline: a slow Naver is cut by the deadline, not by its own timeout
        config.put(p + "sources.naver.read-timeout", "10s");
        config.put(p + "sources.naver.retry.max-retries", "1");
        source(config, "feed", "feed", base, FEED_PATH);
        config.put(p + "sources.feed.read-timeout", "300ms");
        config.put(p + "sources.feed.retry.max-retries", "2");
        source(config, "flaky", "feed", base, FLAKY_PATH);
        config.put(p + "sources.flaky.retry.max-retries", "0");
        config.put(p + "sources.flaky.breaker.request-volume", "4");
        config.put(p + "sources.flaky.breaker.failure-ratio", "0.5");
        config.put(p + "sources.flaky.breaker.delay", "300ms");
        config.put(p + "sources.flaky.breaker.success-threshold", "1");
        source(config, "limited", "feed", base, LIMITED_PATH);
        config.put(p + "sources.limited.retry.max-retries", "0");
        return config;
    }

    private static void source(Map<String, String> config, String name, String type, String base, String path) {
        String p = "shopcore.search.price.sources." + name + ".";
        config.put(p + "type", type);
        config.put(p + "enabled", "true");
        config.put(p + "base-url", base);
        if (path != null) {
            config.put(p + "path", path);
        }
        config.put(p + "connect-timeout", "500ms");
        config.put(p + "retry.delay", "50ms");
        config.put(p + "retry.max-delay", "200ms");
        config.put(p + "retry.jitter", "20ms");
        config.put(p + "breaker.request-volume", "1000");
        config.put(p + "breaker.delay", "1s");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
