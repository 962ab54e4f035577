package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoginThrottle} with the Redis adapter's rules and no clock: failures count per username and
 * per address; at the limit a caller is blocked for the whole window; a success clears the username's
 * count only.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Integer> failures = new HashMap<>();

    public InMemoryLoginThrottle(int maxPerUsername, int maxPerAddress, Duration window) {
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    @Override
    public synchronized Optional<Duration> blockedFor(Username username, String clientAddress) {
        boolean blocked = count(userKey(username)) >= maxPerUsername || count(addressKey(clientAddress)) >= maxPerAddress;
        return blocked ? Optional.of(window) : Optional.empty();
    }

    @Override
    public synchronized void recordFailure(Username username, String clientAddress) {
        failures.merge(userKey(username), 1, Integer::sum);
        failures.merge(addressKey(clientAddress), 1, Integer::sum);
    }

    @Override
    public synchronized void recordSuccess(Username username) {
        failures.remove(userKey(username));
    }

    public synchronized int failuresOf(Username username) {
        return count(userKey(username));
    }

    public synchronized int failuresFrom(String clientAddress) {
        return count(addressKey(clientAddress));
    }

    private int count(String key) {
        return failures.getOrDefault(key, 0);
    }

    private static String userKey(Username username) {
        return "user:" + username.value();
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address);
    }
}
