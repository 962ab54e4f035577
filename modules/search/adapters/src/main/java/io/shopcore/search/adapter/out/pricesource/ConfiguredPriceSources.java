package io.shopcore.search.adapter.out.pricesource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.shopcore.search.adapter.config.PriceSearchConfig;
import io.shopcore.search.application.port.out.PriceSource;
import io.shopcore.search.application.port.out.PriceSources;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The sources of {@code shopcore.search.price.sources.<name>.*} that are enabled, built once at start-up
 * (sorted by name). An enabled source without a base URL, or a Naver source without credentials, stops
 * the start-up with a message saying what to set: silently asking nothing would look like "no offers".
 */
@Startup
@ApplicationScoped
public class ConfiguredPriceSources implements PriceSources {

    private static final Logger LOG = Logger.getLogger(ConfiguredPriceSources.class);
    static final String FEED_PATH = "/prices";
    static final String NAVER_PATH = "/v1/search/shop.json";

    private final List<GuardedPriceSource> sources = new ArrayList<>();
    private final List<PriceSource> enabled;

    public ConfiguredPriceSources(PriceSearchConfig config, ObjectMapper json, MeterRegistry registry, Vertx vertx) {
        for (Map.Entry<String, PriceSearchConfig.Source> e : new TreeMap<>(config.sources()).entrySet()) {
            String name = e.getKey();
            PriceSearchConfig.Source s = e.getValue();
            if (!s.enabled()) {
                continue;
            }
            if (!name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                throw new IllegalStateException("price source name '" + name + "' must be 1..32 of [a-z0-9_-]");
            }
            String key = "shopcore.search.price.sources." + name + ".";
            String baseUrl = s.baseUrl()
                    .filter(u -> !u.isBlank())
                    .orElseThrow(() -> new IllegalStateException(
                            "price source " + name + " is enabled but has no base URL: set " + key + "base-url"));
            HttpJson http = new HttpJson(
                    vertx,
                    baseUrl,
                    s.path().orElse(s.type() == PriceSearchConfig.SourceType.NAVER ? NAVER_PATH : FEED_PATH),
                    s.connectTimeout(),
                    s.readTimeout(),
                    s.defaultRetryAfter(),
                    json);
            String currency = s.currency().trim().toUpperCase(java.util.Locale.ROOT);
            SourceClient client = switch (s.type()) {
                case FEED -> new JsonFeedClient(name, http, s.maxOffers(), currency);
                case NAVER ->
                    new NaverShoppingClient(
                            name,
                            http,
                            s.maxOffers(),
                            s.sort(),
                            currency,
                            s.clientId().filter(v -> !v.isBlank()).orElseThrow(() -> missing(key + "client-id")),
                            s.clientSecret()
                                    .filter(v -> !v.isBlank())
                                    .orElseThrow(() -> missing(key + "client-secret")));
            };
            sources.add(new GuardedPriceSource(name, client, s, registry));
            LOG.infof("price source %s (%s) enabled", name, s.type());
        }
        this.enabled = List.copyOf(sources);
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("a Naver price source needs " + key + " (set it from the environment)");
    }

    @Override
    public List<PriceSource> enabled() {
        return enabled;
    }

    @PreDestroy
    void close() {
        sources.forEach(GuardedPriceSource::close);
    }
}
