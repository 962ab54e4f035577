package io.shopcore.catalog.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.redis.ResilientRedis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The shared tier of {@link TwoTierProductCache}: JSON pages and products in Redis, seen by every
 * instance. Not a {@code ProductCache} itself (the two-tier cache is the port's adapter).
 *
 * <p>Invalidation is by generation: every key carries the value of {@code catalog:version}, which any
 * product write increments, so one {@code INCR} retires every cached page and product at once (old
 * keys simply expire). A {@link Read.Miss} remembers the key of the generation it saw, so a value
 * loaded before a concurrent write is stored under a retired generation and never served after it.
 *
 * <p>Every call goes through {@link ResilientRedis}: when Redis is down or slow the read is
 * {@link Read.Bypassed}; a version bump that could not reach Redis is retried before Redis is read
 * again, so a recovered Redis never serves entries older than a write made during the outage.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ProductPage.class, ProductView.class})
public class RedisProductCache {

    private static final Logger LOG = Logger.getLogger(RedisProductCache.class);
    static final String VERSION_KEY = "catalog:version";

    /** How one cached type is stored: its own explicit key prefix and its JSON type. */
    record EntryType<V>(String keyPrefix, Class<V> type) {}

    static final EntryType<ProductPage> PAGES = new EntryType<>("catalog:page:v", ProductPage.class);
    static final EntryType<ProductView> PRODUCTS = new EntryType<>("catalog:product:v", ProductView.class);

    /** What a Redis read found. */
    sealed interface Read<V> {
        record Hit<V>(V value) implements Read<V> {}

        /**
         * Not cached: {@link RedisProductCache#store} the loaded value under this generation's key.
         *
         * @param version the value of {@code catalog:version} the read saw
         */
        record Miss<V>(String key, String version) implements Read<V> {}

        /** Redis is down, slow or disabled: not asked. */
        record Bypassed<V>() implements Read<V> {}
    }

    private final ValueCommands<String, String> values;
    private final ResilientRedis redis;
    private final ObjectMapper json;
    private final boolean enabled;
    private final long ttlSeconds;
    /** A write happened while Redis was unreachable: bump the version before trusting Redis again. */
    private final AtomicBoolean versionBumpPending = new AtomicBoolean();

    public RedisProductCache(
            RedisDataSource redisDataSource, ResilientRedis redis, ObjectMapper json, CatalogConfig config) {
        this.values = redisDataSource.value(String.class, String.class);
        this.redis = redis;
        this.json = json;
        this.enabled = config.cache().enabled();
        this.ttlSeconds = Math.max(1, config.cache().ttl().toSeconds());
    }

    Read<ProductPage> page(ProductListQuery query) {
        return read(PAGES, query.key());
    }

    Read<ProductView> product(ProductId id) {
        return read(PRODUCTS, Long.toString(id.value()));
    }

    /** Stores what was loaded after {@code miss}, under the generation the miss saw. */
    <V> void store(Read.Miss<V> miss, V value) {
        encode(value).ifPresent(text -> redis.run("catalog-set", () -> values.setex(miss.key(), ttlSeconds, text)));
    }

    /** Retires every cached page and product (one {@code INCR}). */
    void invalidateAll() {
        if (!enabled) {
            return;
        }
        if (!redis.run("catalog-invalidate", () -> values.incr(VERSION_KEY))) {
            versionBumpPending.set(true);
        }
    }

    private <V> Read<V> read(EntryType<V> entryType, String keySuffix) {
        Optional<String> version = enabled ? currentVersion() : Optional.empty();
        if (version.isEmpty()) {
            return new Read.Bypassed<>();
        }
        String key = entryType.keyPrefix() + version.get() + ":" + keySuffix;
        Optional<V> cached =
                redis.call("catalog-get", () -> values.get(key)).flatMap(text -> decode(text, entryType.type()));
        return cached.<Read<V>>map(Read.Hit::new).orElseGet(() -> new Read.Miss<>(key, version.get()));
    }

    private Optional<String> currentVersion() {
        if (versionBumpPending.get()) {
            if (!redis.run("catalog-invalidate", () -> values.incr(VERSION_KEY))) {
                return Optional.empty();
            }
            versionBumpPending.set(false);
        }
        if (redis.isBackingOff()) {
            return Optional.empty();
        }
        // A missing version key (fresh or flushed Redis) is generation 0: nothing older can exist then.
        return redis.call(
                "catalog-version",
                () -> Optional.ofNullable(values.get(VERSION_KEY)).orElse("0"));
    }

    private <V> Optional<V> decode(String text, Class<V> type) {
        try {
            return Optional.of(json.readValue(text, type));
        } catch (JsonProcessingException | RuntimeException e) {
            // An entry written by an older version of the code: treat as a miss, it will be overwritten.
            return Optional.empty();
        }
    }

    private Optional<String> encode(Object value) {
        try {
            return Optional.of(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            LOG.warnf(
                    "could not serialize %s for the cache: %s", value.getClass().getSimpleName(), e.toString());
            return Optional.empty();
        }
    }
}
