package io.shopcore.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Holds the Prometheus output to two contracts after a varied run (OperationsTraffic):
 * every label value comes from a bounded set (route templates, enums; never ids, usernames, raw paths
 * or queries), and every metric name that the Grafana dashboard or the alert rules query is one the
 * service exports, apart from an explicit list of metrics that other modules are about to export.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsContractTest {

    /**
     * Queried by the dashboard/rules but not exported yet, each with its owner. Remove a name here when
     * its module exports it; the test then checks it like every other. Empty: keep it so.
     */
    static final Set<String> PENDING = Set.of();
    /**
     * Series that exist once per configured price source (GuardedPriceSource); the test profile configures
     * none. Their names are held by PriceSourcesTest, which configures sources on 127.0.0.1.
     */
    static final Set<String> REGISTERED_PER_PRICE_SOURCE = Set.of("shopcore_price_source_breaker_open");
    /**
     * Counters whose series appear with their first event (a label value known only then). Their names
     * are held by their own unit tests instead (ResilientRedisTest asserts shopcore_redis_failures_total).
     */
    static final Set<String> REGISTERED_ON_FIRST_EVENT = Set.of("shopcore_redis_failures_total");
    /** Synthesised by Prometheus itself, never exported by a target. */
    static final Set<String> PROMETHEUS_GENERATED = Set.of("up");

    /** A route template segment: a literal word or a {parameter}; never a number, a UUID or free text. */
    private static final Pattern TEMPLATE = Pattern.compile("(/([a-z][a-z0-9-]*|\\{[A-Za-z]+\\}))+");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9 ._:'/()+-]{1,80}");

    /** Per label: the values it may take. Labels not listed here fail the test, so a new label is a decision. */
    private static final Map<String, Pattern> ALLOWED = Map.ofEntries(
            Map.entry("uri", Pattern.compile("NOT_FOUND|REDIRECTION|root|UNKNOWN|" + TEMPLATE.pattern())),
            Map.entry("method", Pattern.compile("GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|TRACE|CONNECT|UNKNOWN")),
            Map.entry("status", Pattern.compile("[1-5][0-9][0-9]|UNKNOWN|RESET|success|not_found|error")),
            Map.entry("path", Pattern.compile("cache|fast|slow|none")),
            // configured price-source names: bounded by configuration, never by clients
            Map.entry("source", Pattern.compile("[a-z][a-z0-9_-]{0,40}")),
            Map.entry("reason", Pattern.compile("[a-z][a-z_]{1,40}")),
            // exception classes counted by Quarkus' http_server_errors_total: bounded by the code base
            Map.entry("class", Pattern.compile("[A-Za-z_$][A-Za-z0-9_.$]{0,200}")),
            Map.entry(
                    "outcome",
                    Pattern.compile("INFORMATIONAL|SUCCESS|REDIRECTION|CLIENT_ERROR|SERVER_ERROR|UNKNOWN"
                            + "|success|invalid_credentials|throttled"
                            // price-source call outcomes (a closed set in GuardedPriceSource)
                            + "|[a-z][a-z_]{1,30}")),
            Map.entry("code", Pattern.compile("[a-z_]{2,40}")),
            Map.entry("le", Pattern.compile("[0-9.E+-]+|\\+Inf")),
            Map.entry("quantile", Pattern.compile("[0-9.]+")),
            Map.entry("cache", Pattern.compile("page|product")),
            Map.entry("tier", Pattern.compile("near|redis")),
            Map.entry("result", Pattern.compile("hit|miss|bypass")),
            Map.entry("dependency", Pattern.compile("postgresql|redis")),
            // the Argon2id implementation in use (Argon2idFunction#name)
            Map.entry("implementation", Pattern.compile("native|java")),
            Map.entry("operation", Pattern.compile("[a-z][a-z0-9_.-]{0,40}")),
            Map.entry("datasource", Pattern.compile("default|[a-z][a-z0-9_-]{0,40}")),
            Map.entry("client_name", Pattern.compile("<default>|default|[a-z][a-z0-9_-]{0,40}")),
            Map.entry("clientName", Pattern.compile("<default>|default|[a-z][a-z0-9_-]{0,40}")),
            Map.entry("clientType", Pattern.compile("redis|http|jdbc")),
            Map.entry("pool_name", Pattern.compile("<default>|[a-z][a-z0-9._-]{0,40}")),
            Map.entry("pool_type", Pattern.compile("redis|worker|jdbc|http")),
            Map.entry("server_port", Pattern.compile("[0-9]{1,5}")),
            Map.entry("url_scheme", Pattern.compile("http|https")),
            // JVM and process binders: fixed names chosen by the JVM (memory pools, GC causes, thread states).
            Map.entry("area", TOKEN),
            Map.entry("id", TOKEN),
            Map.entry("gc", TOKEN),
            Map.entry("action", TOKEN),
            Map.entry("cause", TOKEN),
            Map.entry("state", TOKEN),
            Map.entry("name", TOKEN),
            Map.entry("level", TOKEN),
            Map.entry("type", TOKEN),
            Map.entry("pool", TOKEN),
            Map.entry("memory_pool_heap", TOKEN),
            Map.entry("kind", TOKEN),
            Map.entry("allocator_type", TOKEN),
            Map.entry("memory_type", TOKEN),
            Map.entry("cache_type", TOKEN),
            Map.entry("version", TOKEN),
            Map.entry("vendor", TOKEN),
            Map.entry("runtime", TOKEN));

    private OperationsTraffic traffic;
    private PrometheusText scrape;

    /** Runs once, from the first test (Quarkus sets REST Assured's port only around test methods). */
    @BeforeEach
    void exercise() throws IOException {
        if (scrape != null) {
            return;
        }
        traffic = new OperationsTraffic().run();
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Path out = Path.of("target/metrics-scrape.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text); // kept for humans: what an operator's Prometheus sees after this run
        scrape = PrometheusText.parse(text);
    }

    @Test
    void everyLabelValue_isBounded() {
        List<String> problems = new ArrayList<>();
        for (PrometheusText.Sample s : scrape.samples()) {
            s.labels().forEach((label, value) -> {
                Pattern allowed = ALLOWED.get(label);
                if (allowed == null) {
                    problems.add("unknown label " + label + "=" + value + " on " + s.name());
                } else if (!allowed.matcher(value).matches()) {
                    problems.add(s.name() + "{" + label + "=\"" + value + "\"} is not an allowed value");
                }
                for (String clientValue : traffic.clientValues()) {
                    if (carries(value, clientValue)) {
                        problems.add(s.name() + "{" + label + "=\"" + value + "\"} contains the client's value "
                                + clientValue);
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** Whole value or a path segment; longer client values also as a substring (short ids look like status codes). */
    private static boolean carries(String labelValue, String clientValue) {
        if (labelValue.equals(clientValue) || (clientValue.length() >= 6 && labelValue.contains(clientValue))) {
            return true;
        }
        for (String segment : labelValue.split("/")) {
            if (segment.equals(clientValue)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void unknownPaths_collapseToNotFound() {
        Set<String> uris = new TreeSet<>();
        scrape.samples().stream()
                .filter(s -> s.name().startsWith("http_server_requests_seconds"))
                .forEach(s -> uris.add(s.labels().get("uri")));
        assertThat(uris)
                .contains("NOT_FOUND", "/api/v1/products/{id}", "/api/v1/stock/{productId}/reservations")
                .noneMatch(u -> u.contains("nope") || u.matches(".*/[0-9]+(/.*)?"));
    }

    @Test
    void ourMeters_areExported() {
        assertThat(scrape.names())
                .contains(
                        "shopcore_logins_total",
                        "shopcore_http_problems_total",
                        "shopcore_dependency_up",
                        "shopcore_auth_password_hash_waiting",
                        "shopcore_auth_password_hash_implementation",
                        "shopcore_stock_expiry_backlog",
                        "shopcore_searches_total",
                        "http_server_requests_seconds_bucket");
        assertThat(scrape.samples())
                .filteredOn(s -> s.name().equals("shopcore_logins_total"))
                .extracting(s -> s.labels().get("outcome"))
                .containsExactlyInAnyOrder("success", "invalid_credentials", "throttled");
    }

    @Test
    void everyMetricInDashboardAndRules_isExported() {
        Set<String> used = DeployedQueries.metricNames();
        assertThat(used)
                .as("the extraction finds the dashboard's and rules' metrics")
                .contains("http_server_requests_seconds_bucket", "shopcore_dependency_up", "agroal_awaiting_count");
        Set<String> missing = new TreeSet<>();
        for (String name : used) {
            if (!scrape.exports(name)
                    && !PENDING.contains(name)
                    && !REGISTERED_PER_PRICE_SOURCE.contains(name)
                    && !PROMETHEUS_GENERATED.contains(name)
                    && !REGISTERED_ON_FIRST_EVENT.contains(name)) {
                missing.add(name);
            }
        }
        assertThat(missing)
                .as("metrics queried by deploy/grafana or deploy/prometheus but not exported")
                .isEmpty();
        assertThat(PENDING)
                .as("a pending name that is exported now belongs in the checked set")
                .noneMatch(scrape::exports);
    }
}
