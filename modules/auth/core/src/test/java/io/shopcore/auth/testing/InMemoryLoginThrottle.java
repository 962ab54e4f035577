package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.AddressThrottle;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LoginThrottle} and {@link AddressThrottle} with the Redis adapter's rules and no clock: an
 * attempt is counted before the password is checked (per username and per address), at the limit a
 * caller is refused for the whole window and the refused attempt is not counted; a success clears the
 * username's count and gives the address its attempt back; a refund (an attempt without a verdict)
 * gives back one attempt to both, never below zero.
 */
public final class InMemoryLoginThrottle implements LoginThrottle, AddressThrottle {

    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Integer> attempts = new HashMap<>();

    public InMemoryLoginThrottle(int maxPerUsername, int maxPerAddress, Duration window) {
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    @Override
    public synchronized Optional<Duration> attempt(Username username, String clientAddress) {
        if (count(userKey(username)) >= maxPerUsername || count(addressKey(clientAddress)) >= maxPerAddress) {
            return Optional.of(window);
        }
        attempts.merge(userKey(username), 1, Integer::sum);
        attempts.merge(addressKey(clientAddress), 1, Integer::sum);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Duration> attemptFromAddress(String clientAddress) {
        if (count(addressKey(clientAddress)) >= maxPerAddress) {
            return Optional.of(window);
        }
        attempts.merge(addressKey(clientAddress), 1, Integer::sum);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Duration> attempt(Action action, String clientAddress) {
        String key = action.name().toLowerCase() + ":" + addressKey(clientAddress);
        if (count(key) >= maxPerAddress) {
            return Optional.of(window);
        }
        attempts.merge(key, 1, Integer::sum);
        return Optional.empty();
    }

    @Override
    public synchronized void recordSuccess(Username username, String clientAddress) {
        attempts.remove(userKey(username));
        attempts.computeIfPresent(addressKey(clientAddress), (k, v) -> v > 1 ? v - 1 : null);
    }

    @Override
    public synchronized void refund(Username username, String clientAddress) {
        giveBack(userKey(username));
        giveBack(addressKey(clientAddress));
    }

    private void giveBack(String key) {
        attempts.computeIfPresent(key, (k, v) -> v > 1 ? v - 1 : null);
    }

    /** Attempts of this username still counted (failures, once successes gave theirs back). */
    public synchronized int failuresOf(Username username) {
        return count(userKey(username));
    }

    public synchronized int failuresFrom(String clientAddress) {
        return count(addressKey(clientAddress));
    }

    private int count(String key) {
        return attempts.getOrDefault(key, 0);
    }

    private static String userKey(Username username) {
        return "user:" + username.value();
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address);
    }
}
