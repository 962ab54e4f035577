package io.shopcore.auth.application;

import io.shopcore.auth.application.port.out.AccessTokenIssuer;
import io.shopcore.auth.application.port.out.AddressThrottle;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Small thread-safe fakes for the abuse-rule tests of the auth use cases. (The shared InMemory fakes of
 * the auth test-jar cover the ports' general contracts; these add what the abuse rules need: counts of
 * password checks, and an atomic attempt counter.)
 */
final class AbuseFakes {

    private AbuseFakes() {}

    /** "hash:" + password; counts verifications, so a test sees whether a password was checked at all. */
    static final class Hasher implements PasswordHasher {
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public String hash(String password) {
            return "hash:" + password;
        }

        @Override
        public boolean verify(String password, String encodedHash) {
            verifications.incrementAndGet();
            return encodedHash.equals("hash:" + password);
        }

        @Override
        public void verifyAgainstDummy(String password) {
            verifications.incrementAndGet();
        }

        @Override
        public boolean needsRehash(String encodedHash) {
            return false;
        }
    }

    /** Atomic fixed-window counts without a clock: at most {@code max} attempts per key proceed. */
    static final class Throttle implements LoginThrottle, AddressThrottle {
        private final int maxPerUser;
        private final int maxPerAddress;
        private final Map<String, Integer> counts = new HashMap<>();

        Throttle(int maxPerUser, int maxPerAddress) {
            this.maxPerUser = maxPerUser;
            this.maxPerAddress = maxPerAddress;
        }

        @Override
        public synchronized Optional<Duration> attempt(Username username, String clientAddress) {
            boolean overUser = counts.merge("user:" + username.value(), 1, Integer::sum) > maxPerUser;
            boolean overAddress = counts.merge("addr:" + clientAddress, 1, Integer::sum) > maxPerAddress;
            return overUser || overAddress ? Optional.of(Duration.ofMinutes(5)) : Optional.empty();
        }

        @Override
        public synchronized Optional<Duration> attemptFromAddress(String clientAddress) {
            return counts.merge("addr:" + clientAddress, 1, Integer::sum) > maxPerAddress
                    ? Optional.of(Duration.ofMinutes(5))
                    : Optional.empty();
        }

        @Override
        public synchronized void recordSuccess(Username username, String clientAddress) {
            counts.remove("user:" + username.value());
            counts.computeIfPresent("addr:" + clientAddress, (k, v) -> v > 1 ? v - 1 : null);
        }

        @Override
        public synchronized void refund(Username username, String clientAddress) {
            counts.computeIfPresent("user:" + username.value(), (k, v) -> v > 1 ? v - 1 : null);
            counts.computeIfPresent("addr:" + clientAddress, (k, v) -> v > 1 ? v - 1 : null);
        }

        @Override
        public synchronized Optional<Duration> attempt(Action action, String clientAddress) {
            return counts.merge(action + ":" + clientAddress, 1, Integer::sum) > maxPerAddress
                    ? Optional.of(Duration.ofMinutes(5))
                    : Optional.empty();
        }

        synchronized int countOf(String key) {
            return counts.getOrDefault(key, 0);
        }
    }

    /** Records the roles of each access token it "signs". */
    static final class AccessTokens implements AccessTokenIssuer {
        final List<Set<Role>> issuedRoles = new ArrayList<>();

        @Override
        public synchronized AccessToken issue(User user) {
            issuedRoles.add(user.roles());
            return new AccessToken(
                    "access-" + user.id() + "-"
                            + user.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(",")),
                    900);
        }

        synchronized Set<Role> lastRoles() {
            return issuedRoles.get(issuedRoles.size() - 1);
        }
    }
}
