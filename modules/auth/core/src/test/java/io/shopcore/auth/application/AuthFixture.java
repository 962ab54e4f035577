package io.shopcore.auth.application;

import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.FakeAccessTokenIssuer;
import io.shopcore.auth.testing.FakePasswordHasher;
import io.shopcore.auth.testing.InMemoryLoginThrottle;
import io.shopcore.auth.testing.InMemoryRefreshTokenRepository;
import io.shopcore.auth.testing.InMemoryUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The auth use cases wired to fakes, with a clock the test moves. */
final class AuthFixture {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration REFRESH_TTL = Duration.ofDays(14);
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String PASSWORD = "correct-horse-battery";

    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeAccessTokenIssuer accessTokens = new FakeAccessTokenIssuer();
    final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(3, 5, WINDOW);
    final TokenPairIssuer issuer =
            new TokenPairIssuer(accessTokens, refreshTokens, clock, new AuthSettings(REFRESH_TTL));
    final RegisterUserService register = new RegisterUserService(users, hasher, throttle, clock);
    final LogInService logIn = new LogInService(users, hasher, throttle, issuer);
    final RefreshTokensService refresh = new RefreshTokensService(refreshTokens, users, issuer, throttle, clock);
    final EnsureAdminService ensureAdmin =
            new EnsureAdminService(users, hasher, new AccountChanges(users, refreshTokens), clock);
    final UserQueryService queries = new UserQueryService(users);

    void advance(Duration d) {
        now.set(now.get().plus(d));
    }

    /** A stored customer whose password is {@link #PASSWORD}. */
    User customer(String name) {
        User user = User.register(new Username(name), FakePasswordHasher.CURRENT + PASSWORD, T0);
        users.addIfUsernameFree(user);
        return user;
    }
}
