package io.shopcore.catalog.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The catalog's settings ({@code shopcore.catalog.*}); see docs/modules/catalog.md. */
@ConfigMapping(prefix = "shopcore.catalog")
public interface CatalogConfig {

    Cache cache();

    DemoData demoData();

    Availability availability();

    Read read();

    Listing listing();

    interface Read {
        /**
         * Catalog read statements (cache misses) running at once; more wait for a slot. A few are enough to
         * keep PostgreSQL busy on a small machine, and more only compete for its cores (issue 11: 4
         * connections served a cold listing 30x faster than 50).
         */
        @WithDefault("4")
        int maxConcurrent();

        /** How long a cache miss waits for a slot before the request is answered 503 with Retry-After. */
        @WithDefault("2s")
        Duration queueTimeout();
    }

    interface Listing {
        /**
         * The deepest numbered page: {@code page * size} at most this. Deeper listings use the cursor
         * ({@code after}, the previous page's {@code next}), whose cost does not grow with depth.
         */
        @WithDefault("10000")
        long maxOffset();
    }

    interface Availability {
        Coalesce coalesce();
    }

    interface Coalesce {
        /**
         * Merge availability lookups of concurrent requests into one stock query (each answer still comes
         * from a query that started after the request asked, so it is never stale).
         */
        @WithDefault("false")
        boolean enabled();

        /** How many merged queries may run at once. */
        @WithDefault("2")
        int maxConcurrent();
    }

    interface Cache {
        /** Use Redis for product pages and details (false: near cache and PostgreSQL only). */
        @WithDefault("true")
        boolean enabled();

        /** How long a page or product stays in Redis; writes invalidate earlier. */
        @WithDefault("10m")
        Duration ttl();

        Near near();
    }

    interface Near {
        /** A short-lived in-process layer in front of Redis. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long an entry lives in this process. Writes on this instance invalidate at once; writes on
         * other instances are seen after at most this long.
         */
        @WithDefault("1s")
        Duration ttl();

        @WithDefault("10000")
        long maxEntries();
    }

    interface DemoData {
        /** Load the demo catalog (10 categories, 1,000 products with stock) at start-up. Idempotent. */
        @WithDefault("false")
        boolean enabled();
    }
}
