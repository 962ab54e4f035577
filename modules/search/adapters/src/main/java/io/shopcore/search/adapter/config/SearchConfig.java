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
}
