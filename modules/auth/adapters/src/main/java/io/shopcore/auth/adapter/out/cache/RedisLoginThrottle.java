package io.shopcore.auth.adapter.out.cache;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.scheduler.Scheduled;
import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import io.shopcore.infrastructure.redis.ResilientRedis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login counters in Redis ({@code auth:login-failures:user:<name>} and {@code ...:addr:<ip>}, each
 * expiring with the window), shared by every instance. When Redis is unreachable the same counting
 * happens in process, so throttling never switches off.
 */
@ApplicationScoped
public class RedisLoginThrottle implements LoginThrottle {

    private static final String PREFIX = "auth:login-failures:";

    private final ValueCommands<String, Long> values;
    private final KeyCommands<String> keys;
    private final ResilientRedis redis;
    private final AuthConfig.Throttle limits;
    private final ConcurrentHashMap<String, LocalCounter> local = new ConcurrentHashMap<>();

    public RedisLoginThrottle(RedisDataSource ds, ResilientRedis redis, AuthConfig config) {
        this.values = ds.value(Long.class);
        this.keys = ds.key();
        this.redis = redis;
        this.limits = config.throttle();
    }

    @Override
    public Optional<Duration> blockedFor(Username username, String clientAddress) {
        Optional<Duration> user = blocked(userKey(username), limits.maxFailuresPerUsername());
        return user.isPresent() ? user : blocked(addressKey(clientAddress), limits.maxFailuresPerAddress());
    }

    @Override
    public void recordFailure(Username username, String clientAddress) {
        increment(userKey(username));
        increment(addressKey(clientAddress));
    }

    @Override
    public void recordSuccess(Username username) {
        String key = userKey(username);
        local.remove(key);
        redis.run("login-throttle-reset", () -> keys.del(key));
    }

    private Optional<Duration> blocked(String key, int max) {
        Optional<Long> count = redis.call("login-throttle-get", () -> {
            Long v = values.get(key);
            return v == null ? 0L : v;
        });
        long failures = count.orElseGet(() -> localCount(key));
        if (failures < max) {
            return Optional.empty();
        }
        Optional<Duration> ttl = redis.call("login-throttle-ttl", () -> {
            long seconds = keys.ttl(key);
            return seconds > 0 ? Duration.ofSeconds(seconds) : limits.window();
        });
        return Optional.of(ttl.orElseGet(() -> localRemaining(key)));
    }

    private void increment(String key) {
        boolean counted = redis.run("login-throttle-incr", () -> {
            long n = values.incr(key);
            if (n == 1) {
                keys.expire(key, limits.window());
            }
        });
        if (!counted) {
            local.compute(key, (k, c) -> c == null || c.expired() ? new LocalCounter(1, System.nanoTime() + limits.window().toNanos())
                    : new LocalCounter(c.count() + 1, c.expiresAtNanos()));
        }
    }

    private long localCount(String key) {
        LocalCounter c = local.get(key);
        return c == null || c.expired() ? 0 : c.count();
    }

    private Duration localRemaining(String key) {
        LocalCounter c = local.get(key);
        return c == null ? limits.window() : Duration.ofNanos(Math.max(1_000_000_000L, c.expiresAtNanos() - System.nanoTime()));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictExpiredLocalCounters() {
        local.values().removeIf(LocalCounter::expired);
    }

    private static String userKey(Username username) {
        return PREFIX + "user:" + username.value();
    }

    private static String addressKey(String address) {
        return PREFIX + "addr:" + (address == null ? "unknown" : address);
    }

    private record LocalCounter(long count, long expiresAtNanos) {
        boolean expired() {
            return System.nanoTime() - expiresAtNanos >= 0;
        }
    }
}
