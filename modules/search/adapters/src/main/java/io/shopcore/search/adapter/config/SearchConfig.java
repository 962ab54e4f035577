package io.shopcore.search.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** {@code shopcore.search.*}. */
@ConfigMapping(prefix = "shopcore.search")
public interface SearchConfig {

    /** How long a cached result page lives in Redis (every catalog change retires all of them at once anyway). */
    @WithName("cache-ttl")
    @WithDefault("30s")
    Duration cacheTtl();

    /** Whether result pages are cached in Redis at all. */
    @WithName("cache-enabled")
    @WithDefault("true")
    boolean cacheEnabled();

    /** Transaction timeout of a rebuild (one transaction for the whole catalog; about 20 s per 100,000 products here). */
    @WithName("rebuild-timeout")
    @WithDefault("10m")
    Duration rebuildTimeout();

    /** Rebuild the projection at start-up when it is empty but the catalog is not (e.g. a database from before search). */
    @WithName("rebuild-if-empty-at-start")
    @WithDefault("true")
    boolean rebuildIfEmptyAtStart();

    /** The bound on search statements running at once ({@code shopcore.search.read.*}). */
    Read read();

    /**
     * A common term at 1,000,000 products costs 0.4-1 s of PostgreSQL per uncached page; 50 of them at once
     * took every pooled connection, and the stock sweeper and the health probe failed with them
     * (docs/modules/search.md). A few slots with a fair queue keep search from taking the pool.
     */
    interface Read {

        /** Search statements holding a connection at once; more wait (in arrival order) for a slot. */
        @WithName("max-concurrent")
        @WithDefault("2")
        int maxConcurrent();

        /** How long a search waits for a slot before the request is answered 503 with Retry-After. */
        @WithName("queue-timeout")
        @WithDefault("2s")
        Duration queueTimeout();
    }
}
