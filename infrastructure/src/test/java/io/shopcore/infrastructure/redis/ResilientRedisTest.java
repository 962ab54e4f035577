package io.shopcore.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResilientRedisTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void givenFreshInstance_call_reachesRedis() {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(2));
        assertThat(redis.isBackingOff()).isFalse();
        assertThat(redis.call("get", () -> "value")).contains("value");
    }

    @Test
    void givenFailure_call_countsItAndSkipsRedisDuringTheBackoff() {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(30));
        AtomicInteger calls = new AtomicInteger();
        assertThat(redis.call("get", () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("connection refused");
                }))
                .isEmpty();
        assertThat(redis.call("get", () -> {
                    calls.incrementAndGet();
                    return "value";
                }))
                .isEmpty();
        assertThat(calls).hasValue(1);
        assertThat(registry.counter("shopcore_redis_failures_total", "operation", "get")
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.counter("shopcore_redis_skipped_total").count()).isEqualTo(1.0);
    }

    @Test
    void givenBackoffOver_call_probesRedisAgain() {
        AtomicLong now = new AtomicLong();
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(2), 10, now::get);
        redis.run("set", () -> {
            throw new IllegalStateException("down");
        });
        assertThat(redis.isBackingOff()).isTrue();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(redis.isBackingOff()).isFalse();
        assertThat(redis.run("set", () -> {})).isTrue();
    }

    private static final RuntimeException TIMEOUT = new io.smallrye.mutiny.TimeoutException();

    @Test
    void givenTimeoutsOrABusyPoolOrAConnectionFailure_isSlowReply_tellsThemApart() {
        assertThat(ResilientRedis.isSlowReply(TIMEOUT)).isTrue();
        assertThat(ResilientRedis.isSlowReply(new CompletionException(new java.util.concurrent.TimeoutException())))
                .isTrue();
        assertThat(ResilientRedis.isSlowReply(new CompletionException(new ConnectException("Connection refused"))))
                .isFalse();
        assertThat(ResilientRedis.isSlowReply(new IllegalStateException("closed")))
                .isFalse();
    }

    @Test
    void givenASlowReply_call_isAMissForThatCallOnlyAndRedisStaysOn() {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(30), 3);
        assertThat(redis.call("get", () -> {
                    throw TIMEOUT;
                }))
                .isEmpty();
        assertThat(redis.isBackingOff()).isFalse();
        assertThat(redis.call("get", () -> "value")).contains("value");
        assertThat(registry.counter("shopcore_redis_failures_total", "operation", "get")
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.counter("shopcore_redis_slow_total", "operation", "get")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void givenSlowRepliesBrokenBySuccesses_call_neverBacksOff() {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(30), 3);
        for (int i = 0; i < 20; i++) {
            redis.call("get", () -> {
                throw TIMEOUT;
            });
            redis.call("get", () -> {
                throw TIMEOUT;
            });
            assertThat(redis.call("get", () -> "value")).contains("value");
        }
        assertThat(redis.isBackingOff()).isFalse();
        assertThat(registry.counter("shopcore_redis_backoffs_total", "reason", "timeouts")
                        .count())
                .isZero();
    }

    @Test
    void givenThresholdSlowRepliesInARow_call_backsOffAndOneMoreSlowProbeBacksOffAgain() {
        AtomicLong now = new AtomicLong();
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(2), 3, now::get);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            redis.call("get", () -> {
                calls.incrementAndGet();
                throw TIMEOUT;
            });
        }
        assertThat(redis.isBackingOff()).isTrue();
        assertThat(registry.counter("shopcore_redis_backoffs_total", "reason", "timeouts")
                        .count())
                .isEqualTo(1.0);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(redis.isBackingOff()).isFalse();
        redis.call("get", () -> {
            calls.incrementAndGet();
            throw TIMEOUT;
        });
        assertThat(redis.isBackingOff()).isTrue();
        assertThat(calls).hasValue(4);
    }

    @Test
    void givenAConnectionFailure_call_backsOffAtOnce() {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofSeconds(30), 10);
        redis.call("get", () -> {
            throw new CompletionException(new ConnectException("Connection refused"));
        });
        assertThat(redis.isBackingOff()).isTrue();
        assertThat(registry.counter("shopcore_redis_backoffs_total", "reason", "connection")
                        .count())
                .isEqualTo(1.0);
    }
}
