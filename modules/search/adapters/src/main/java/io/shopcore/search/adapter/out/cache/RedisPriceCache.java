package io.shopcore.search.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopcore.infrastructure.redis.ResilientRedis;
import io.shopcore.search.adapter.config.PriceSearchConfig;
import io.shopcore.search.application.port.out.PriceCache;
import io.shopcore.search.domain.PriceOffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Price answers in Redis under {@code search:price:p1:g<generation>:<sha-256 of the normalized text>}.
 * The generation is product search's ({@code search:generation}, incremented after every committed
 * catalog change): a product added, repriced or removed retires every cached price answer too, so a
 * cached slow answer never hides a product the catalog now sells. {@code p1} is the value's format
 * (two colours never read each other's). Through {@link ResilientRedis}: Redis down means uncached,
 * never failed.
 */
@ApplicationScoped
@RegisterForReflection(targets = PriceOffer.class)
public class RedisPriceCache implements PriceCache {

    /** Product search's generation key (see RedisSearchResultCache). */
    static final String PREFIX = "search:price:p1:g";

    private static final TypeReference<List<PriceOffer>> OFFERS = new TypeReference<>() {};

    private final ValueCommands<String, String> values;
    private final ResilientRedis redis;
    private final ObjectMapper json;
    private final boolean enabled;
    private final long ttlSeconds;
    private final long partialTtlSeconds;
    private final Counter hits;
    private final Counter misses;
    private final Counter bypass;

    public RedisPriceCache(
            RedisDataSource redisDataSource,
            ResilientRedis redis,
            ObjectMapper json,
            PriceSearchConfig config,
            MeterRegistry registry) {
        this.values = redisDataSource.value(String.class, String.class);
        this.redis = redis;
        this.json = json;
        this.enabled = config.cache().enabled();
        this.ttlSeconds = Math.max(1, config.cache().ttl().toSeconds());
        this.partialTtlSeconds =
                Math.max(1, Math.min(ttlSeconds, config.cache().partialTtl().toSeconds()));
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
        this.bypass = counter(registry, "bypass");
    }

    @Override
    public Lookup lookup(String normalizedText) {
        // The key (and so the generation) is fixed before anything is loaded: an answer computed from the
        // catalog as it was is stored under the generation of that moment, which nobody reads after a change.
        Optional<String> key = key(normalizedText);
        if (key.isEmpty()) {
            bypass.increment();
            return NO_CACHE;
        }
        Optional<List<PriceOffer>> cached =
                redis.call("price-get", () -> values.get(key.get())).flatMap(this::decode);
        (cached.isPresent() ? hits : misses).increment();
        return new Lookup() {
            @Override
            public Optional<List<PriceOffer>> cached() {
                return cached;
            }

            @Override
            public void fill(List<PriceOffer> offers, boolean partial) {
                if (offers.isEmpty()) {
                    return;
                }
                encode(offers)
                        .ifPresent(text -> redis.run(
                                "price-set",
                                () -> values.setex(key.get(), partial ? partialTtlSeconds : ttlSeconds, text)));
            }
        };
    }

    private static final Lookup NO_CACHE = new Lookup() {
        @Override
        public Optional<List<PriceOffer>> cached() {
            return Optional.empty();
        }

        @Override
        public void fill(List<PriceOffer> offers, boolean partial) {}
    };

    private Optional<String> key(String normalizedText) {
        if (!enabled || redis.isBackingOff()) {
            return Optional.empty();
        }
        // No generation yet (fresh or flushed Redis) is generation 0, as for product search.
        return SearchGeneration.current(redis, values, "price-generation")
                .map(generation -> PREFIX + generation + ":" + hash(normalizedText));
    }

    static String hash(String normalizedText) {
        return SearchGeneration.sha256(normalizedText);
    }

    private Optional<List<PriceOffer>> decode(String text) {
        try {
            List<PriceOffer> offers = json.readValue(text, OFFERS);
            return offers == null || offers.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(offers));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty(); // not ours or from an older format: a miss, overwritten on the next put
        }
    }

    private Optional<String> encode(List<PriceOffer> offers) {
        try {
            return Optional.of(json.writeValueAsString(offers));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("shopcore.search.price.cache.requests")
                .description("Price search cache lookups by result (hit|miss|bypass)")
                .tag("result", result)
                .register(registry);
    }
}
