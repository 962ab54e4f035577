package io.shopcore.auth.adapter.out.cache;

import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login attempts in Redis ({@code auth:login-failures:user:<name>} and {@code ...:addr:<ip>}, each
 * expiring with the window): counted before the password check, in one atomic script per attempt
 * (RedisWindowCounters), so concurrent guesses get at most the limit through. An attempt that ends
 * without a verdict is given back on both keys ({@link #refund}), in Redis and in process.
 */
@ApplicationScoped
public class RedisLoginThrottle implements LoginThrottle {

    static final String PREFIX = "auth:login-failures:";

    private final RedisWindowCounters counters;
    private final AuthConfig.Throttle limits;

    public RedisLoginThrottle(RedisWindowCounters counters, AuthConfig config) {
        this.counters = counters;
        this.limits = config.throttle();
    }

    @Override
    public Optional<Duration> attempt(Username username, String clientAddress) {
        List<RedisWindowCounters.Count> counts =
                counters.increment(limits.window(), userKey(username), addressKey(clientAddress));
        return blocked(counts.get(0), limits.maxFailuresPerUsername())
                .or(() -> blocked(counts.get(1), limits.maxFailuresPerAddress()));
    }

    @Override
    public Optional<Duration> attemptFromAddress(String clientAddress) {
        return blocked(
                counters.increment(limits.window(), addressKey(clientAddress)).get(0), limits.maxFailuresPerAddress());
    }

    @Override
    public void recordSuccess(Username username, String clientAddress) {
        counters.clear(userKey(username));
        counters.refund(addressKey(clientAddress));
    }

    @Override
    public void refund(Username username, String clientAddress) {
        counters.refund(userKey(username), addressKey(clientAddress));
    }

    private static Optional<Duration> blocked(RedisWindowCounters.Count count, int max) {
        return count.value() > max ? Optional.of(count.remaining()) : Optional.empty();
    }

    static String userKey(Username username) {
        return PREFIX + "user:" + username.value();
    }

    static String addressKey(String address) {
        return PREFIX + "addr:" + (address == null ? "unknown" : address);
    }
}
