package io.shopcore.auth.adapter.out.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.shopcore.infrastructure.redis.ResilientRedis;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * Fixed-window counters in Redis, shared by every instance. Counting and setting the expiry happen in
 * one Lua script, so a key can never be left without a TTL (a crash between {@code INCR} and
 * {@code EXPIRE} would otherwise lock an account forever); the script also repairs a key that lost its
 * TTL. Every count is also kept in process (bounded, expiring with its window), and the higher of the
 * two counts decides: when Redis times out in the middle of a burst, the attempts this instance has
 * already seen still count, so a Redis hiccup never lets a new allowance through and throttling never
 * switches off.
 */
@ApplicationScoped
public class RedisWindowCounters {

    /** KEYS: the counters; ARGV[1]: window in ms. Returns, per key, its new count and remaining ms. */
    static final String INCREMENT = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local n = redis.call('INCR', key)
              local ttl = redis.call('PTTL', key)
              if ttl < 0 then
                redis.call('PEXPIRE', key, ARGV[1])
                ttl = tonumber(ARGV[1])
              end
              out[#out + 1] = n
              out[#out + 1] = ttl
            end
            return out""";

    /**
     * KEYS: the counters. Gives one count back on each, atomically, without ever creating a key or
     * dropping below zero (DECR keeps the TTL; a count reaching zero is deleted). Returns the new counts.
     */
    static final String REFUND = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local v = tonumber(redis.call('GET', key) or '0')
              if v > 1 then
                out[#out + 1] = redis.call('DECR', key)
              else
                if v == 1 then redis.call('DEL', key) end
                out[#out + 1] = 0
              end
            end
            return out""";

    private final RedisDataSource redisDs;
    private final ResilientRedis redis;
    /** In-process counts; bounded, so spraying names or addresses cannot grow it without limit. */
    private final ConcurrentMap<String, LocalCounter> local = Caffeine.newBuilder()
            .maximumSize(LOCAL_MAX_KEYS)
            .expireAfter(new Expiry<String, LocalCounter>() {
                @Override
                public long expireAfterCreate(String key, LocalCounter value, long currentTime) {
                    return Math.max(0, value.expiresAtNanos() - System.nanoTime());
                }

                @Override
                public long expireAfterUpdate(String key, LocalCounter value, long currentTime, long currentDuration) {
                    return Math.max(0, value.expiresAtNanos() - System.nanoTime());
                }

                @Override
                public long expireAfterRead(String key, LocalCounter value, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            })
            .<String, LocalCounter>build()
            .asMap();

    static final int LOCAL_MAX_KEYS = 100_000;

    public RedisWindowCounters(RedisDataSource redisDs, ResilientRedis redis) {
        this.redisDs = redisDs;
        this.redis = redis;
    }

    /** A counter's value after an increment, and how long its window still runs. */
    public record Count(long value, Duration remaining) {}

    /** Increments every key atomically with its expiry; one result per key, in order. */
    public List<Count> increment(Duration window, String... keys) {
        String[] args = new String[keys.length + 3];
        args[0] = INCREMENT;
        args[1] = Integer.toString(keys.length);
        System.arraycopy(keys, 0, args, 2, keys.length);
        args[keys.length + 2] = Long.toString(window.toMillis());
        List<Count> locally = new ArrayList<>(keys.length);
        for (String key : keys) {
            locally.add(incrementLocally(key, window));
        }
        return redis.call("window-counter-incr", () -> {
                    Response r = redisDs.execute("EVAL", args);
                    List<Count> out = new ArrayList<>(keys.length);
                    for (int i = 0; i < keys.length; i++) {
                        Count shared = new Count(
                                r.get(2 * i).toLong(),
                                Duration.ofMillis(Math.max(1, r.get(2 * i + 1).toLong())));
                        out.add(shared.value() >= locally.get(i).value() ? shared : locally.get(i));
                    }
                    return out;
                })
                .orElse(locally);
    }

    /**
     * Gives one count back on every key, never below zero and keeping each window's expiry, in process
     * and in Redis (one atomic script). A Redis failure is absorbed (ResilientRedis): the in-process
     * counts are refunded anyway, and the shared ones expire with their window.
     */
    public void refund(String... keys) {
        for (String key : keys) {
            local.computeIfPresent(
                    key, (k, c) -> c.count() > 1 ? new LocalCounter(c.count() - 1, c.expiresAtNanos()) : null);
        }
        String[] args = new String[keys.length + 2];
        args[0] = REFUND;
        args[1] = Integer.toString(keys.length);
        System.arraycopy(keys, 0, args, 2, keys.length);
        redis.run("window-counter-refund", () -> redisDs.execute("EVAL", args));
    }

    public void clear(String key) {
        local.remove(key);
        redis.run("window-counter-clear", () -> redisDs.key().del(key));
    }

    private Count incrementLocally(String key, Duration window) {
        LocalCounter c = local.compute(
                key,
                (k, old) -> old == null || old.expired()
                        ? new LocalCounter(1, System.nanoTime() + window.toNanos())
                        : new LocalCounter(old.count() + 1, old.expiresAtNanos()));
        return new Count(c.count(), Duration.ofNanos(Math.max(1_000_000L, c.expiresAtNanos() - System.nanoTime())));
    }

    private record LocalCounter(long count, long expiresAtNanos) {
        boolean expired() {
            return System.nanoTime() - expiresAtNanos >= 0;
        }
    }
}
