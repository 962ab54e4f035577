package io.shopcore.search.adapter.config;

import io.shopcore.search.application.PriceSearchSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code shopcore.search.price.*}: price search (docs/modules/search.md, "Price search"). */
@ConfigMapping(prefix = "shopcore.search.price")
public interface PriceSearchConfig {

    /** The slow path answers with whatever the sources gave within this time from the start of the search. */
    @WithDefault("2s")
    Duration deadline();

    /** Own-catalog matches (by relevance) that become offers on the fast path. */
    @WithName("fast-path-size")
    @WithDefault("20")
    int fastPathSize();

    /** Offers answered at most, cheapest first. */
    @WithName("max-offers")
    @WithDefault("50")
    int maxOffers();

    /** Offers in this currency come first; the best offer is one of them when any exists. */
    @WithDefault("KRW")
    String currency();

    /** Retry-After of a 503 (every path failed). */
    @WithName("unavailable-retry-after")
    @WithDefault("2s")
    Duration unavailableRetryAfter();

    Cache cache();

    @WithName("failure-log")
    FailureLog failureLog();

    /** The external price sources by name (the name is the {@code source} of offers, metrics and records). */
    Map<String, Source> sources();

    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Life of a complete answer. */
        @WithDefault("60s")
        Duration ttl();

        /** Life of an answer that lacks some source (it failed): short, so the source is asked again soon. */
        @WithName("partial-ttl")
        @WithDefault("5s")
        Duration partialTtl();
    }

    interface FailureLog {
        /** Records waiting to be written at most; beyond, new records are dropped and counted. */
        @WithName("queue-capacity")
        @WithDefault("10000")
        int queueCapacity();

        /** Rows per INSERT batch. */
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();

        /** How often the writer drains the queue (a Quarkus scheduler interval). */
        @WithName("flush-interval")
        @WithDefault("1s")
        String flushInterval();

        /** At most one warning per this interval while records are dropped. */
        @WithName("warn-interval")
        @WithDefault("60s")
        Duration warnInterval();

        /** Rows older than this are deleted (hourly). */
        @WithDefault("30d")
        Duration retention();
    }

    interface Source {
        /** {@code feed} (the generic JSON price feed) or {@code naver} (Naver Shopping search API). */
        SourceType type();

        /** Off by default: a source is asked only when enabled and given a base URL. */
        @WithDefault("false")
        boolean enabled();

        /** Scheme, host and port of the source, set by the operator (no default: nothing is called). */
        @WithName("base-url")
        Optional<String> baseUrl();

        /** Path of the search endpoint; default {@code /prices} (feed) or {@code /v1/search/shop.json} (naver). */
        Optional<String> path();

        /** Naver: the X-Naver-Client-Id header (from the environment, never in the repository). */
        @WithName("client-id")
        Optional<String> clientId();

        /** Naver: the X-Naver-Client-Secret header (from the environment, never in the repository). */
        @WithName("client-secret")
        Optional<String> clientSecret();

        /** Offers asked for at most (Naver's {@code display}, 1..100; the feed's {@code limit}). */
        @WithName("max-offers")
        @WithDefault("20")
        int maxOffers();

        /** Naver's {@code sort}: sim (relevance), date, asc (price ascending), dsc. */
        @WithDefault("sim")
        String sort();

        /** Currency of prices the source gives without one (Naver always KRW). */
        @WithDefault("KRW")
        String currency();

        @WithName("connect-timeout")
        @WithDefault("500ms")
        Duration connectTimeout();

        @WithName("read-timeout")
        @WithDefault("1500ms")
        Duration readTimeout();

        /** Skip time after a 429 without a usable Retry-After. */
        @WithName("default-retry-after")
        @WithDefault("30s")
        Duration defaultRetryAfter();

        Retry retry();

        Breaker breaker();
    }

    /** Retries on 5xx and timeouts only, exponential backoff with jitter. */
    interface Retry {
        @WithName("max-retries")
        @WithDefault("2")
        int maxRetries();

        /** First backoff; doubled on each retry up to max-delay. */
        @WithDefault("100ms")
        Duration delay();

        @WithName("max-delay")
        @WithDefault("1s")
        Duration maxDelay();

        /** Random +- added to each backoff. */
        @WithDefault("50ms")
        Duration jitter();
    }

    /** Circuit breaker per source (SmallRye Fault Tolerance); 429 and the deadline do not count as failures. */
    interface Breaker {
        /** Calls in the rolling window. */
        @WithName("request-volume")
        @WithDefault("10")
        int requestVolume();

        @WithName("failure-ratio")
        @WithDefault("0.5")
        double failureRatio();

        /** Time open before one trial call (half-open). */
        @WithDefault("30s")
        Duration delay();

        @WithName("success-threshold")
        @WithDefault("2")
        int successThreshold();
    }

    enum SourceType {
        FEED,
        NAVER
    }

    default PriceSearchSettings toSettings() {
        return new PriceSearchSettings(
                deadline(),
                fastPathSize(),
                maxOffers(),
                currency().trim().toUpperCase(java.util.Locale.ROOT),
                unavailableRetryAfter());
    }
}
