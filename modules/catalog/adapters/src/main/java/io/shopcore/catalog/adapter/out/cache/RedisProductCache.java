package io.shopcore.catalog.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.ProductId;
import io.shopcore.infrastructure.redis.ResilientRedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Two tiers in front of PostgreSQL: a near cache in this process (Caffeine, about a second) and
 * Redis (shared by all instances).
 *
 * <p>Invalidation is by generation: every Redis key carries the value of {@code catalog:version},
 * which any product write increments, so one {@code INCR} retires every cached page and product at
 * once (old keys simply expire). A miss remembers the generation it saw and stores what was loaded
 * under that generation, so a page read from the database before a concurrent write can never be
 * served after it. Writes also bump a local generation and clear the near cache, in the transaction
 * and again after its commit.
 *
 * <p>Every Redis call goes through {@link ResilientRedis}: when Redis is down or slow (bounded by
 * {@code quarkus.redis.timeout}) the cache is a miss and reads go to PostgreSQL; a version bump that
 * could not reach Redis is retried before Redis is read again, so a recovered Redis never serves
 * pages older than a write made during the outage.
 */
@ApplicationScoped
@RegisterForReflection(targets = {ProductPage.class, ProductView.class})
public class RedisProductCache implements ProductCache {

    private static final Logger LOG = Logger.getLogger(RedisProductCache.class);
    static final String VERSION_KEY = "catalog:version";
    static final String PAGE_PREFIX = "catalog:page:v";
    static final String PRODUCT_PREFIX = "catalog:product:v";

    private final ValueCommands<String, String> values;
    private final ResilientRedis redis;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean redisEnabled;
    private final boolean nearEnabled;
    private final long ttlSeconds;
    private final Cache<ProductListQuery, ProductPage> nearPages;
    private final Cache<ProductId, ProductView> nearProducts;
    /** Bumped on every local write; a near-cache fill from before the bump is dropped. */
    private final AtomicLong localGeneration = new AtomicLong();
    /** A write happened while Redis was unreachable: bump the version before trusting Redis again. */
    private final AtomicBoolean versionBumpPending = new AtomicBoolean();
    private final Meters pageMeters;
    private final Meters productMeters;

    public RedisProductCache(RedisDataSource redisDataSource, ResilientRedis redis, ObjectMapper json,
                             TransactionSynchronizationRegistry transactions, CatalogConfig config, MeterRegistry registry) {
        this.values = redisDataSource.value(String.class, String.class);
        this.redis = redis;
        this.json = json;
        this.transactions = transactions;
        this.redisEnabled = config.cache().enabled();
        this.ttlSeconds = Math.max(1, config.cache().ttl().toSeconds());
        CatalogConfig.Near near = config.cache().near();
        this.nearEnabled = near.enabled();
        long nearSize = Math.max(1, near.maxEntries());
        this.nearPages = Caffeine.newBuilder().expireAfterWrite(near.ttl()).maximumSize(nearSize).build();
        this.nearProducts = Caffeine.newBuilder().expireAfterWrite(near.ttl()).maximumSize(nearSize).build();
        this.pageMeters = new Meters(registry, "page");
        this.productMeters = new Meters(registry, "product");
    }

    @Override
    public Lookup<ProductPage> page(ProductListQuery query) {
        return lookup(query, query.key(), ProductPage.class, nearPages, pageMeters);
    }

    @Override
    public Lookup<ProductView> product(ProductId id) {
        return lookup(id, Long.toString(id.value()), ProductView.class, nearProducts, productMeters);
    }

    private <K, V> Lookup<V> lookup(K nearKey, String redisKeySuffix, Class<V> type, Cache<K, V> near, Meters meters) {
        V local = near.getIfPresent(nearKey);
        if (local != null) {
            meters.nearHit.increment();
            return Lookup.hit(local);
        }
        meters.nearMiss.increment();
        long generation = localGeneration.get();
        Optional<String> version = redisEnabled ? currentVersion() : Optional.empty();
        if (version.isEmpty()) {
            meters.redisBypass.increment();
            return new Miss<>(v -> fillNear(near, nearKey, v, generation));
        }
        String key = (type == ProductPage.class ? PAGE_PREFIX : PRODUCT_PREFIX) + version.get() + ":" + redisKeySuffix;
        Optional<V> cached = redis.call("catalog-get", () -> values.get(key)).flatMap(text -> decode(text, type));
        if (cached.isPresent()) {
            meters.redisHit.increment();
            fillNear(near, nearKey, cached.get(), generation);
            return Lookup.hit(cached.get());
        }
        meters.redisMiss.increment();
        return new Miss<>(v -> {
            fillNear(near, nearKey, v, generation);
            encode(v).ifPresent(text -> redis.run("catalog-set", () -> values.setex(key, ttlSeconds, text)));
        });
    }

    @Override
    public void productChanged(ProductId id) {
        forget(id);
        try {
            if (transactions.getTransactionKey() != null) {
                // Again after the commit: a read between this call and the commit may have refilled a cache
                // from the not yet changed rows.
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            forget(id);
                        }
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.debugf("no transaction to follow for cache invalidation: %s", e.toString());
        }
    }

    /** Forgets everything this cache holds (tests and operations). */
    public void clear() {
        localGeneration.incrementAndGet();
        nearPages.invalidateAll();
        nearProducts.invalidateAll();
        bumpVersion();
    }

    /** Forgets this process's near cache only, as another instance would see things (tests). */
    public void clearNearCache() {
        localGeneration.incrementAndGet();
        nearPages.invalidateAll();
        nearProducts.invalidateAll();
    }

    private void forget(ProductId id) {
        localGeneration.incrementAndGet();
        nearPages.invalidateAll();
        nearProducts.invalidate(id);
        bumpVersion();
    }

    private void bumpVersion() {
        if (!redisEnabled) {
            return;
        }
        if (!redis.run("catalog-invalidate", () -> values.incr(VERSION_KEY))) {
            versionBumpPending.set(true);
        }
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
        return redis.call("catalog-version", () -> Optional.ofNullable(values.get(VERSION_KEY)).orElse("0"));
    }

    private <K, V> void fillNear(Cache<K, V> near, K key, V value, long generation) {
        if (nearEnabled && localGeneration.get() == generation) {
            near.put(key, value);
        }
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
            LOG.warnf("could not serialize %s for the cache: %s", value.getClass().getSimpleName(), e.toString());
            return Optional.empty();
        }
    }

    private record Miss<V>(java.util.function.Consumer<V> filler) implements Lookup<V> {
        @Override
        public Optional<V> cached() {
            return Optional.empty();
        }

        @Override
        public void fill(V loaded) {
            filler.accept(loaded);
        }
    }

    /** {@code shopcore_catalog_cache_requests_total{cache, tier, result}}. */
    private static final class Meters {
        final Counter nearHit;
        final Counter nearMiss;
        final Counter redisHit;
        final Counter redisMiss;
        final Counter redisBypass;

        Meters(MeterRegistry registry, String cache) {
            nearHit = counter(registry, cache, "near", "hit");
            nearMiss = counter(registry, cache, "near", "miss");
            redisHit = counter(registry, cache, "redis", "hit");
            redisMiss = counter(registry, cache, "redis", "miss");
            redisBypass = counter(registry, cache, "redis", "bypass");
        }

        private static Counter counter(MeterRegistry registry, String cache, String tier, String result) {
            return Counter.builder("shopcore.catalog.cache.requests")
                    .description("Catalog cache lookups by cache (page|product), tier (near|redis) and result (hit|miss|bypass)")
                    .tag("cache", cache).tag("tier", tier).tag("result", result)
                    .register(registry);
        }
    }
}
