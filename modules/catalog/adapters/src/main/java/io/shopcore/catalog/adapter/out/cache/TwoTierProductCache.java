package io.shopcore.catalog.adapter.out.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.catalog.adapter.config.CatalogConfig;
import io.shopcore.catalog.application.port.in.ProductListQuery;
import io.shopcore.catalog.application.port.in.ProductPage;
import io.shopcore.catalog.application.port.in.ProductView;
import io.shopcore.catalog.application.port.out.ProductCache;
import io.shopcore.catalog.domain.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The catalog's {@link ProductCache}: two tiers in front of PostgreSQL, a {@link NearProductCache} in
 * this process (about a second) and the shared {@link RedisProductCache}. A lookup asks the near tier,
 * then Redis; a miss fills both, each under the generation it saw, so a value loaded before a
 * concurrent write is never served after it. A write forgets the product and every page in both tiers,
 * in the transaction and again after its commit.
 */
@ApplicationScoped
public class TwoTierProductCache implements ProductCache {

    private static final Logger LOG = Logger.getLogger(TwoTierProductCache.class);

    private final NearProductCache near;
    private final RedisProductCache redis;
    private final TransactionSynchronizationRegistry transactions;
    private final Meters pageMeters;
    private final Meters productMeters;

    public TwoTierProductCache(
            RedisProductCache redis,
            TransactionSynchronizationRegistry transactions,
            CatalogConfig config,
            MeterRegistry registry) {
        this.near = new NearProductCache(config.cache().near());
        this.redis = redis;
        this.transactions = transactions;
        this.pageMeters = new Meters(registry, "page");
        this.productMeters = new Meters(registry, "product");
    }

    @Override
    public Lookup<ProductPage> page(ProductListQuery query) {
        Optional<ProductPage> local = near.pages.get(query);
        if (local.isPresent()) {
            pageMeters.nearHit.increment();
            return Lookup.hit(local.get());
        }
        pageMeters.nearMiss.increment();
        long generation = near.generation();
        return fromRedis(redis.page(query), generation, v -> near.pages.fill(query, v, generation), pageMeters);
    }

    @Override
    public Lookup<ProductView> product(ProductId id) {
        Optional<ProductView> local = near.products.get(id);
        if (local.isPresent()) {
            productMeters.nearHit.increment();
            return Lookup.hit(local.get());
        }
        productMeters.nearMiss.increment();
        long generation = near.generation();
        return fromRedis(redis.product(id), generation, v -> near.products.fill(id, v, generation), productMeters);
    }

    private <V> Lookup<V> fromRedis(
            RedisProductCache.Read<V> read, long nearGeneration, Consumer<V> fillNear, Meters meters) {
        return switch (read) {
            case RedisProductCache.Read.Hit<V> hit -> {
                meters.redisHit.increment();
                fillNear.accept(hit.value());
                yield Lookup.hit(hit.value());
            }
            case RedisProductCache.Read.Miss<V> miss -> {
                meters.redisMiss.increment();
                yield new Miss<>("n" + nearGeneration + ":r" + miss.version(), v -> {
                    fillNear.accept(v);
                    redis.store(miss, v);
                });
            }
            case RedisProductCache.Read.Bypassed<V> bypassed -> {
                meters.redisBypass.increment();
                yield new Miss<>("n" + nearGeneration + ":r-", fillNear);
            }
        };
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

    /** Forgets everything both tiers hold (tests and operations). */
    public void clear() {
        near.clear();
        redis.invalidateAll();
    }

    /** Forgets this process's near tier only, as another instance would see things (tests). */
    public void clearNearCache() {
        near.clear();
    }

    private void forget(ProductId id) {
        near.forget(id);
        redis.invalidateAll();
    }

    /** A miss; {@code generation} names both tiers' generations as the lookup saw them. */
    private record Miss<V>(String generation, Consumer<V> filler) implements Lookup<V> {
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
                    .description(
                            "Catalog cache lookups by cache (page|product), tier (near|redis) and result (hit|miss|bypass)")
                    .tag("cache", cache)
                    .tag("tier", tier)
                    .tag("result", result)
                    .register(registry);
        }
    }
}
