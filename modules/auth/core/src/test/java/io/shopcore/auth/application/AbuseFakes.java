package io.shopcore.auth.application;

import io.shopcore.auth.application.port.out.AccessTokenIssuer;
import io.shopcore.auth.application.port.out.AddressThrottle;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    static final class Users implements UserRepository {
        private final Map<UserId, User> rows = new LinkedHashMap<>();

        @Override
        public synchronized Optional<User> findByUsername(Username username) {
            return rows.values().stream()
                    .filter(u -> u.username().equals(username))
                    .findFirst()
                    .map(Users::copy);
        }

        @Override
        public synchronized Optional<User> findById(UserId id) {
            return Optional.ofNullable(rows.get(id)).map(Users::copy);
        }

        @Override
        public synchronized boolean addIfUsernameFree(User user) {
            if (findByUsername(user.username()).isPresent()) {
                return false;
            }
            rows.put(user.id(), copy(user));
            return true;
        }

        @Override
        public synchronized void update(User user) {
            if (!rows.containsKey(user.id())) {
                throw new IllegalStateException("no user " + user.id());
            }
            rows.put(user.id(), copy(user));
        }

        synchronized void setRoles(UserId id, Set<Role> roles) {
            User u = rows.get(id);
            rows.put(id, User.reconstitute(u.id(), u.username(), u.passwordHash(), roles, u.createdAt()));
        }

        synchronized void delete(UserId id) {
            rows.remove(id);
        }

        synchronized int count() {
            return rows.size();
        }

        private static User copy(User u) {
            return User.reconstitute(u.id(), u.username(), u.passwordHash(), u.roles(), u.createdAt());
        }
    }

    static final class RefreshTokens implements RefreshTokenRepository {
        private final Map<UUID, RefreshToken> rows = new LinkedHashMap<>();

        @Override
        public synchronized void add(RefreshToken token) {
            rows.put(token.id(), copy(token, token.state()));
        }

        @Override
        public synchronized Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
            return rows.values().stream()
                    .filter(t -> t.tokenHash().equals(tokenHash))
                    .findFirst()
                    .map(t -> copy(t, t.state()));
        }

        @Override
        public synchronized void updateState(RefreshToken token) {
            rows.computeIfPresent(token.id(), (id, t) -> copy(t, token.state()));
        }

        @Override
        public synchronized int revokeFamily(UUID familyId) {
            return revokeWhere(t -> t.familyId().equals(familyId));
        }

        @Override
        public synchronized int revokeAllOf(UserId userId) {
            return revokeWhere(t -> t.userId().equals(userId));
        }

        @Override
        public synchronized int deleteUnusable(Instant now, int limit) {
            List<UUID> doomed = rows.values().stream()
                    .filter(t -> t.state() == RefreshToken.State.REVOKED
                            || !t.expiresAt().isAfter(now))
                    .limit(limit)
                    .map(RefreshToken::id)
                    .toList();
            doomed.forEach(rows::remove);
            return doomed.size();
        }

        private int revokeWhere(java.util.function.Predicate<RefreshToken> which) {
            int changed = 0;
            for (RefreshToken t : List.copyOf(rows.values())) {
                if (which.test(t) && t.state() != RefreshToken.State.REVOKED) {
                    rows.put(t.id(), copy(t, RefreshToken.State.REVOKED));
                    changed++;
                }
            }
            return changed;
        }

        synchronized List<RefreshToken> all() {
            return rows.values().stream().map(t -> copy(t, t.state())).toList();
        }

        synchronized List<RefreshToken> of(UserId userId) {
            return all().stream().filter(t -> t.userId().equals(userId)).toList();
        }

        private static RefreshToken copy(RefreshToken t, RefreshToken.State state) {
            return RefreshToken.reconstitute(t.id(), t.familyId(), t.userId(), t.tokenHash(), t.expiresAt(), state);
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
