package io.shopcore.search.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopcore.infrastructure.redis.ResilientRedis;
import io.shopcore.search.adapter.config.SearchConfig;
import io.shopcore.search.application.port.in.SearchProductsUseCase.Query;
import io.shopcore.search.application.port.out.MatchPage;
import io.shopcore.search.application.port.out.ProductMatch;
import io.shopcore.search.application.port.out.SearchResultCache;
import io.shopcore.search.domain.TextAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Result pages in Redis under {@code search:page:r1:g<generation>:<sha-256 of the query>}. The
 * generation ({@code search:generation}) is incremented after every committed catalog change, so
 * one {@code INCR} retires all pages (old keys expire by their TTL). A page loaded before a change
 * is stored under the generation read before loading, which nobody reads after the increment.
 *
 * <p>Every Redis call goes through {@link ResilientRedis}: Redis down means uncached, never failed.
 * An increment that could not reach Redis is retried before Redis is read again, so a recovered
 * Redis never serves a page older than a change made during the outage. {@code r1} is the format
 * of the cached value: a new format gets a new prefix, so two colours never read each other's.
 */
@ApplicationScoped
@RegisterForReflection(targets = {MatchPage.class, ProductMatch.class})
public class RedisSearchResultCache implements SearchResultCache {

    private static final Logger LOG = Logger.getLogger(RedisSearchResultCache.class);
    static final String PAGE_PREFIX = "search:page:r1:g";
    private static final Object SYNC_KEY = RedisSearchResultCache.class.getName() + ".invalidate";

    private final ValueCommands<String, String> values;
    private final ResilientRedis redis;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final long ttlSeconds;
    private final AtomicBoolean bumpPending = new AtomicBoolean();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypass;

    public RedisSearchResultCache(
            RedisDataSource redisDataSource,
            ResilientRedis redis,
            ObjectMapper json,
            TransactionSynchronizationRegistry transactions,
            SearchConfig config,
            MeterRegistry registry) {
        this.values = redisDataSource.value(String.class, String.class);
        this.redis = redis;
        this.json = json;
        this.transactions = transactions;
        this.enabled = config.cacheEnabled();
        this.ttlSeconds = Math.max(1, config.cacheTtl().toSeconds());
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
        this.bypass = counter(registry, "bypass");
    }

    @Override
    public Lookup lookup(Query query) {
        Optional<String> generation = enabled ? currentGeneration() : Optional.empty();
        if (generation.isEmpty()) {
            bypass.increment();
            return NO_CACHE;
        }
        String key = PAGE_PREFIX + generation.get() + ":" + hash(query);
        Optional<MatchPage> cached =
                redis.call("search-get", () -> values.get(key)).flatMap(this::decode);
        (cached.isPresent() ? hits : misses).increment();
        return new Lookup() {
            @Override
            public Optional<MatchPage> cached() {
                return cached;
            }

            @Override
            public void fill(MatchPage loaded) {
                encode(loaded).ifPresent(text -> redis.run("search-set", () -> values.setex(key, ttlSeconds, text)));
            }
        };
    }

    @Override
    public void invalidate() {
        if (!enabled) {
            return;
        }
        if (transactions.getTransactionKey() == null) {
            bump();
            return;
        }
        // Once per transaction, after the commit: a search between now and the commit still reads the old rows.
        if (transactions.getResource(SYNC_KEY) == null) {
            transactions.putResource(SYNC_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        bump();
                    }
                }
            });
        }
    }

    private void bump() {
        if (!redis.run("search-invalidate", () -> values.incr(SearchGeneration.KEY))) {
            bumpPending.set(true);
        }
    }

    private Optional<String> currentGeneration() {
        if (bumpPending.get()) {
            if (!redis.run("search-invalidate", () -> values.incr(SearchGeneration.KEY))) {
                return Optional.empty();
            }
            bumpPending.set(false);
        }
        if (redis.isBackingOff()) {
            return Optional.empty();
        }
        // No generation key yet (fresh or flushed Redis) is generation 0: nothing older can exist then.
        return SearchGeneration.current(redis, values, "search-generation");
    }

    /** The query's canonical form, hashed: equal searches share a key whatever their spelling of numbers or case. */
    static String hash(Query q) {
        String canonical = String.join(
                "\u0001",
                TextAnalysis.normalize(q.text()),
                q.categoryId() == null ? "" : q.categoryId().toString(),
                plain(q.minPrice()),
                plain(q.maxPrice()),
                q.sort().name(),
                Integer.toString(q.page()),
                Integer.toString(q.size()));
        return SearchGeneration.sha256(canonical);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private Optional<MatchPage> decode(String text) {
        try {
            return Optional.of(json.readValue(text, MatchPage.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty(); // written by other code: a miss, overwritten on fill
        }
    }

    private Optional<String> encode(MatchPage page) {
        try {
            return Optional.of(json.writeValueAsString(page));
        } catch (JsonProcessingException e) {
            LOG.warnf("could not serialize a search page for the cache: %s", e.toString());
            return Optional.empty();
        }
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("shopcore.search.cache.requests")
                .description("Search result cache lookups by result (hit|miss|bypass)")
                .tag("result", result)
                .register(registry);
    }

    private static final Lookup NO_CACHE = new Lookup() {
        @Override
        public Optional<MatchPage> cached() {
            return Optional.empty();
        }

        @Override
        public void fill(MatchPage loaded) {}
    };
}
