package io.shopcore.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
    void givenBackoffOver_call_probesRedisAgain() throws InterruptedException {
        ResilientRedis redis = new ResilientRedis(registry, Duration.ofMillis(20));
        redis.run("set", () -> {
            throw new IllegalStateException("down");
        });
        Thread.sleep(40);
        assertThat(redis.isBackingOff()).isFalse();
        assertThat(redis.run("set", () -> {})).isTrue();
    }
}
