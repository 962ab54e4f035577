package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import io.shopcore.auth.application.port.in.EnsureAdminUseCase.Outcome;
import io.shopcore.auth.application.port.in.LogInUseCase;
import io.shopcore.auth.application.port.in.RefreshTokensUseCase;
import io.shopcore.auth.application.port.in.RegisterUserUseCase;
import io.shopcore.auth.application.port.in.TokenPair;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.InMemoryRefreshTokenRepository;
import io.shopcore.auth.testing.InMemoryUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The auth use cases' abuse rules, with fakes: admin bootstrap, session revocation, throttling, refresh roles, purge. */
class AuthAbuseRulesTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String PASSWORD = "customer-password";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final AbuseFakes.Hasher hasher = new AbuseFakes.Hasher();
    private final AbuseFakes.Throttle throttle = new AbuseFakes.Throttle(5, 20);
    private final AbuseFakes.AccessTokens accessTokens = new AbuseFakes.AccessTokens();
    private final TokenPairIssuer issuer =
            new TokenPairIssuer(accessTokens, refreshTokens, clock, new AuthSettings(Duration.ofDays(14)));
    private final AccountChanges changes = new AccountChanges(users, refreshTokens);
    private final EnsureAdminService ensureAdmin = new EnsureAdminService(users, hasher, changes, clock);
    private final RegisterUserService register = new RegisterUserService(users, hasher, throttle, clock);
    private final LogInService logIn = new LogInService(users, hasher, throttle, issuer);
    private final RefreshTokensService refresh =
            new RefreshTokensService(refreshTokens, users, issuer, throttle, clock);

    private User registered(String name) {
        register.register(new RegisterUserUseCase.Command(name, PASSWORD, ADDRESS));
        return users.findByUsername(new Username(name)).orElseThrow();
    }

    private TokenPair loggedIn(String name, String password) {
        return ((LogInUseCase.Result.Issued) logIn.logIn(new LogInUseCase.Command(name, password, ADDRESS))).tokens();
    }

    private List<RefreshToken.State> statesOf(User user) {
        return refreshTokens.of(user.id()).stream().map(RefreshToken::state).toList();
    }

    // ---- admin bootstrap ------------------------------------------------------------------------

    @Test
    void givenTheAdminNameRegisteredByACustomer_ensureAdmin_refusesAndChangesNothing() {
        User squatter = registered("admin");
        loggedIn("admin", PASSWORD);

        Outcome outcome = ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("admin", "operator-password", false));

        assertThat(outcome).isEqualTo(Outcome.REFUSED_EXISTING_NON_ADMIN);
        User after = users.findById(squatter.id()).orElseThrow();
        assertThat(after.roles()).containsExactly(Role.CUSTOMER);
        assertThat(after.passwordHash()).isEqualTo(squatter.passwordHash());
        assertThat(statesOf(squatter)).containsOnly(RefreshToken.State.ACTIVE);
    }

    @Test
    void givenConsentToPromote_ensureAdmin_promotesAndRevokesEverySessionOfTheAccount() {
        User squatter = registered("admin");
        TokenPair session = loggedIn("admin", PASSWORD);
        loggedIn("admin", PASSWORD);

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("admin", "operator-password", true)))
                .isEqualTo(Outcome.PROMOTED);

        assertThat(users.findById(squatter.id()).orElseThrow().roles()).contains(Role.ADMIN);
        assertThat(statesOf(squatter)).hasSize(2).containsOnly(RefreshToken.State.REVOKED);
        // The squatter's refresh token no longer yields (admin) access tokens.
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(session.refreshToken(), ADDRESS)))
                .isInstanceOf(RefreshTokensUseCase.Result.Rejected.class);
        assertThat(accessTokens.issuedRoles).noneMatch(roles -> roles.contains(Role.ADMIN));
    }

    @Test
    void givenNoAccount_ensureAdmin_createsTheAdmin() {
        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "operator-password", false)))
                .isEqualTo(Outcome.CREATED);
        assertThat(users.findByUsername(new Username("root")).orElseThrow().roles())
                .containsExactly(Role.ADMIN);
    }

    @Test
    void givenTheAdminWithANewConfiguredPassword_ensureAdmin_resetsItAndRevokesItsSessions() {
        ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "first-password", false));
        User admin = users.findByUsername(new Username("root")).orElseThrow();
        TokenPair session = loggedIn("root", "first-password");

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "second-password", false)))
                .isEqualTo(Outcome.PASSWORD_RESET);

        assertThat(statesOf(admin)).containsOnly(RefreshToken.State.REVOKED);
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(session.refreshToken(), ADDRESS)))
                .isInstanceOf(RefreshTokensUseCase.Result.Rejected.class);
    }

    @Test
    void givenTheAdminWithTheSamePassword_ensureAdmin_keepsItsSessions() {
        ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "first-password", false));
        User admin = users.findByUsername(new Username("root")).orElseThrow();
        loggedIn("root", "first-password");

        assertThat(ensureAdmin.ensureAdmin(new EnsureAdminUseCase.Command("root", "first-password", false)))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(statesOf(admin)).containsOnly(RefreshToken.State.ACTIVE);
    }

    @Test
    void givenAPasswordOrRoleChange_saveCredentialChange_revokesEveryFamilyOfThatUserOnly() {
        User alice = registered("alice");
        User bob = registered("bob");
        loggedIn("alice", PASSWORD);
        loggedIn("alice", PASSWORD);
        loggedIn("bob", PASSWORD);

        alice.grant(Role.ADMIN);
        changes.saveCredentialChange(alice);

        assertThat(statesOf(alice)).hasSize(2).containsOnly(RefreshToken.State.REVOKED);
        assertThat(statesOf(bob)).containsOnly(RefreshToken.State.ACTIVE);
        assertThat(users.findById(alice.id()).orElseThrow().roles()).contains(Role.ADMIN);
    }

    // ---- throttling ---------------------------------------------------------------------------

    @Test
    void givenFiftyConcurrentGuesses_logIn_checksAtMostTheLimitOfPasswords() throws Exception {
        registered("victim");
        hasher.verifications.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LogInUseCase.Result>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String guess = "guess-number-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return logIn.logIn(new LogInUseCase.Command("victim", guess, "198.51.100." + guess.length()));
                }));
            }
            start.countDown();
            List<LogInUseCase.Result> results = new ArrayList<>();
            for (Future<LogInUseCase.Result> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(results)
                    .filteredOn(r -> r instanceof LogInUseCase.Result.InvalidCredentials)
                    .hasSize(5);
            assertThat(results)
                    .filteredOn(r -> r instanceof LogInUseCase.Result.Throttled)
                    .hasSize(45);
            assertThat(hasher.verifications).hasValue(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAThrottledUser_logIn_answersThrottledWithoutCheckingThePassword() {
        registered("carol");
        for (int i = 0; i < 5; i++) {
            logIn.logIn(new LogInUseCase.Command("carol", "wrong-password", ADDRESS));
        }
        hasher.verifications.set(0);
        assertThat(logIn.logIn(new LogInUseCase.Command("carol", PASSWORD, ADDRESS)))
                .isInstanceOf(LogInUseCase.Result.Throttled.class);
        assertThat(hasher.verifications).hasValue(0);
    }

    @Test
    void givenMalformedUsernames_logIn_countsThemAgainstTheAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(logIn.logIn(new LogInUseCase.Command("bad name " + i, "whatever-pass", ADDRESS)))
                    .isInstanceOf(LogInUseCase.Result.InvalidCredentials.class);
        }
        assertThat(logIn.logIn(new LogInUseCase.Command("bad name!", "whatever-pass", ADDRESS)))
                .isInstanceOf(LogInUseCase.Result.Throttled.class);
        registered("dave");
        assertThat(logIn.logIn(new LogInUseCase.Command("dave", PASSWORD, ADDRESS)))
                .isInstanceOf(LogInUseCase.Result.Throttled.class);
        assertThat(logIn.logIn(new LogInUseCase.Command("dave", PASSWORD, "192.0.2.1")))
                .isInstanceOf(LogInUseCase.Result.Issued.class);
    }

    @Test
    void givenASuccessfulLogin_logIn_clearsTheUsernameAndRefundsTheAddress() {
        registered("erin");
        logIn.logIn(new LogInUseCase.Command("erin", "wrong-password", ADDRESS));
        loggedIn("erin", PASSWORD);
        assertThat(throttle.countOf("user:erin")).isZero();
        assertThat(throttle.countOf("addr:" + ADDRESS)).isEqualTo(1);
    }

    @Test
    void givenTooManyRegistrationsFromAnAddress_register_isThrottledAndCreatesNothing() {
        for (int i = 0; i < 20; i++) {
            assertThat(register.register(new RegisterUserUseCase.Command("user" + i, PASSWORD, ADDRESS)))
                    .isInstanceOf(RegisterUserUseCase.Result.Registered.class);
        }
        assertThat(register.register(new RegisterUserUseCase.Command("user-21", PASSWORD, ADDRESS)))
                .isInstanceOf(RegisterUserUseCase.Result.Throttled.class);
        assertThat(users.findByUsername(new Username("user-21"))).isEmpty();
        assertThat(register.register(new RegisterUserUseCase.Command("user-21", PASSWORD, "192.0.2.1")))
                .isInstanceOf(RegisterUserUseCase.Result.Registered.class);
    }

    @Test
    void givenTooManyRefreshesFromAnAddress_refresh_isThrottledAndLeavesTheTokenUsable() {
        registered("frank");
        TokenPair pair = loggedIn("frank", PASSWORD);
        for (int i = 0; i < 20; i++) {
            refresh.refresh(new RefreshTokensUseCase.Command("unknown-token-" + i, ADDRESS));
        }
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(pair.refreshToken(), ADDRESS)))
                .isInstanceOf(RefreshTokensUseCase.Result.Throttled.class);
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(pair.refreshToken(), "192.0.2.1")))
                .isInstanceOf(RefreshTokensUseCase.Result.Issued.class);
    }

    // ---- refresh reads roles from the account ----------------------------------------------------

    @Test
    void givenADemotedUser_refresh_issuesTheCurrentRolesNotTheOldOnes() {
        User grace = registered("grace");
        users.setRoles(grace.id(), EnumSet.of(Role.CUSTOMER, Role.ADMIN));
        TokenPair pair = loggedIn("grace", PASSWORD);
        assertThat(accessTokens.lastRoles()).contains(Role.ADMIN);

        users.setRoles(grace.id(), EnumSet.of(Role.CUSTOMER));
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(pair.refreshToken(), ADDRESS)))
                .isInstanceOf(RefreshTokensUseCase.Result.Issued.class);
        assertThat(accessTokens.lastRoles()).isEqualTo(Set.of(Role.CUSTOMER));
    }

    @Test
    void givenADeletedUser_refresh_isRejectedAndRevokesTheFamily() {
        User henry = registered("henry");
        TokenPair pair = loggedIn("henry", PASSWORD);
        users.remove(henry.id());
        assertThat(refresh.refresh(new RefreshTokensUseCase.Command(pair.refreshToken(), ADDRESS)))
                .isInstanceOf(RefreshTokensUseCase.Result.Rejected.class);
        assertThat(statesOf(henry)).containsOnly(RefreshToken.State.REVOKED);
    }

    // ---- housekeeping -------------------------------------------------------------------------

    @Test
    void givenRevokedExpiredAndLiveTokens_purgeBatch_deletesOnlyUnusableOnesInBoundedBatches() {
        User ida = registered("ida");
        TokenPair live = loggedIn("ida", PASSWORD);
        refresh.refresh(new RefreshTokensUseCase.Command(live.refreshToken(), ADDRESS)); // one SPENT, one ACTIVE
        User jack = registered("jack");
        for (int i = 0; i < 3; i++) {
            loggedIn("jack", PASSWORD);
        }
        changes.saveCredentialChange(jack); // three REVOKED
        refreshTokens.add(RefreshToken.startFamily(
                ida.id(), "expired-hash", clock.instant().minusSeconds(1)));
        PurgeRefreshTokensService purge = new PurgeRefreshTokensService(refreshTokens, clock);

        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(purge.purgeBatch(2)).isEqualTo(2);
        assertThat(purge.purgeBatch(2)).isZero();
        assertThat(refreshTokens.all())
                .extracting(RefreshToken::state)
                .containsExactlyInAnyOrder(RefreshToken.State.SPENT, RefreshToken.State.ACTIVE);
        assertThatThrownBy(() -> purge.purgeBatch(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
