package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shopcore.auth.application.port.in.LogInUseCase.Command;
import io.shopcore.auth.application.port.in.LogInUseCase.Result;
import io.shopcore.auth.application.port.in.TokenPair;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.application.port.out.PasswordHasher;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.FakeAccessTokenIssuer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    static final String ADDRESS = "203.0.113.7";
    final AuthFixture auth = new AuthFixture();

    Result logIn(String username, String password) {
        return auth.logIn.logIn(new Command(username, password, ADDRESS));
    }

    @Test
    void givenTheRightPassword_logIn_issuesAPairAndStartsARefreshFamily() {
        User alice = auth.customer("alice");

        Result result = logIn("Alice", AuthFixture.PASSWORD);

        TokenPair pair = ((Result.Issued) result).tokens();
        assertThat(pair.accessToken()).isEqualTo("access:" + alice.id() + ":1");
        assertThat(pair.expiresInSeconds()).isEqualTo(FakeAccessTokenIssuer.EXPIRES_IN_SECONDS);
        RefreshToken stored = auth.refreshTokens.all().getFirst();
        assertThat(auth.refreshTokens.all()).hasSize(1);
        assertThat(stored.tokenHash())
                .isEqualTo(OpaqueTokens.digest(pair.refreshToken()))
                .isNotEqualTo(pair.refreshToken());
        assertThat(stored.userId()).isEqualTo(alice.id());
        assertThat(stored.state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(stored.expiresAt()).isEqualTo(AuthFixture.T0.plus(AuthFixture.REFRESH_TTL));
    }

    @Test
    void givenAWrongPassword_logIn_isInvalidAndCountsAFailureForNameAndAddress() {
        auth.customer("bob");

        assertThat(logIn("bob", "wrong-password")).isEqualTo(new Result.InvalidCredentials());

        assertThat(auth.throttle.failuresOf(new Username("bob"))).isEqualTo(1);
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isEqualTo(1);
        assertThat(auth.refreshTokens.all()).isEmpty();
        assertThat(auth.accessTokens.issued()).isZero();
    }

    @Test
    void givenAnUnknownUser_logIn_answersAsForAWrongPasswordAfterADummyHash() {
        assertThat(logIn("nobody", AuthFixture.PASSWORD)).isEqualTo(new Result.InvalidCredentials());

        assertThat(auth.hasher.dummyVerifications()).isEqualTo(1);
        assertThat(auth.hasher.verifications()).isZero();
        assertThat(auth.throttle.failuresOf(new Username("nobody"))).isEqualTo(1);
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isEqualTo(1);
    }

    @Test
    void givenAMalformedUsername_logIn_isInvalidAfterADummyHashAndCountsAgainstTheAddress() {
        assertThat(logIn("x", AuthFixture.PASSWORD)).isEqualTo(new Result.InvalidCredentials());
        assertThat(logIn(null, AuthFixture.PASSWORD)).isEqualTo(new Result.InvalidCredentials());

        assertThat(auth.hasher.dummyVerifications()).isEqualTo(2);
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isEqualTo(2);
    }

    @Test
    void givenTooManyFailuresForAName_logIn_isThrottledEvenWithTheRightPasswordAndHashesNothing() {
        auth.customer("carol");
        for (int i = 0; i < 3; i++) {
            assertThat(logIn("carol", "wrong-password")).isEqualTo(new Result.InvalidCredentials());
        }
        int verificationsBefore = auth.hasher.verifications();

        assertThat(logIn("carol", AuthFixture.PASSWORD)).isEqualTo(new Result.Throttled(AuthFixture.WINDOW));

        assertThat(auth.hasher.verifications()).isEqualTo(verificationsBefore);
        assertThat(auth.refreshTokens.all()).isEmpty();
        assertThat(auth.throttle.failuresOf(new Username("carol")))
                .as("a throttled attempt is not counted")
                .isEqualTo(3);
    }

    @Test
    void givenTooManyFailuresFromAnAddress_logIn_throttlesEveryNameFromIt() {
        auth.customer("dave");
        for (int i = 0; i < 5; i++) {
            logIn("someone-" + i, "wrong-password");
        }

        assertThat(logIn("dave", AuthFixture.PASSWORD)).isEqualTo(new Result.Throttled(AuthFixture.WINDOW));
        assertThat(auth.logIn.logIn(new Command("dave", AuthFixture.PASSWORD, "198.51.100.1")))
                .isInstanceOf(Result.Issued.class);
    }

    @Test
    void givenEarlierFailures_aSuccessfulLogIn_clearsTheNamesCountButNotTheAddresss() {
        auth.customer("erin");
        logIn("erin", "wrong-password");
        logIn("erin", "wrong-password");

        assertThat(logIn("erin", AuthFixture.PASSWORD)).isInstanceOf(Result.Issued.class);

        assertThat(auth.throttle.failuresOf(new Username("erin"))).isZero();
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isEqualTo(2);
    }

    /** Stands for the store being unreachable (StoreUnavailableException in the adapters, answered 503). */
    static final class Outage extends RuntimeException {
        Outage(String message) {
            super(message);
        }
    }

    /** The fixture's users, whose lookups fail while {@link #down} is set. */
    final AtomicBoolean down = new AtomicBoolean();

    final UserRepository flakyUsers = new UserRepository() {
        @Override
        public Optional<User> findByUsername(Username username) {
            if (down.get()) {
                throw new Outage("database unreachable");
            }
            return auth.users.findByUsername(username);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return auth.users.findById(id);
        }

        @Override
        public boolean addIfUsernameFree(User user) {
            return auth.users.addIfUsernameFree(user);
        }

        @Override
        public void update(User user) {
            auth.users.update(user);
        }
    };

    final LogInService duringOutages = new LogInService(flakyUsers, auth.hasher, auth.throttle, auth.issuer);

    Result logInDuringOutages(String username, String password) {
        return duringOutages.logIn(new Command(username, password, ADDRESS));
    }

    @Test
    void givenTheUserLookupFails_logIn_propagatesTheFailureAndRefundsTheAttempt() {
        auth.customer("grace");
        down.set(true);

        Throwable thrown = catchThrowable(() -> logInDuringOutages("grace", AuthFixture.PASSWORD));

        assertThat(thrown).isInstanceOf(Outage.class).hasNoSuppressedExceptions();
        assertThat(auth.throttle.failuresOf(new Username("grace"))).isZero();
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isZero();
    }

    @Test
    void givenMoreOutageFailuresThanTheLimit_logIn_withTheRightPasswordAfterwards_isNotThrottled() {
        auth.customer("heidi");
        down.set(true);
        for (int i = 0; i < 6; i++) {
            assertThat(catchThrowable(() -> logInDuringOutages("heidi", AuthFixture.PASSWORD)))
                    .isInstanceOf(Outage.class);
        }
        down.set(false);

        assertThat(logInDuringOutages("heidi", AuthFixture.PASSWORD)).isInstanceOf(Result.Issued.class);
    }

    @Test
    void givenWrongPasswordsBetweenOutages_logIn_stillCountsTheWrongPasswords() {
        auth.customer("ivan");
        for (int i = 0; i < 2; i++) {
            down.set(true);
            catchThrowable(() -> logInDuringOutages("ivan", "wrong-password"));
            down.set(false);
            assertThat(logInDuringOutages("ivan", "wrong-password")).isEqualTo(new Result.InvalidCredentials());
        }
        assertThat(auth.throttle.failuresOf(new Username("ivan"))).isEqualTo(2);
        assertThat(logInDuringOutages("ivan", "wrong-password")).isEqualTo(new Result.InvalidCredentials());

        assertThat(logInDuringOutages("ivan", AuthFixture.PASSWORD))
                .as("three wrong passwords reach the limit of 3")
                .isEqualTo(new Result.Throttled(AuthFixture.WINDOW));
    }

    @Test
    void givenHashingSaturated_logIn_propagatesAndRefundsTheAttempt() {
        auth.customer("judy");
        PasswordHasher saturated = new PasswordHasher() {
            @Override
            public String hash(String password) {
                throw new Outage("hashing saturated");
            }

            @Override
            public boolean verify(String password, String encodedHash) {
                throw new Outage("hashing saturated");
            }

            @Override
            public void verifyAgainstDummy(String password) {
                throw new Outage("hashing saturated");
            }

            @Override
            public boolean needsRehash(String encodedHash) {
                return false;
            }
        };
        LogInService logIn = new LogInService(auth.users, saturated, auth.throttle, auth.issuer);

        for (String name : new String[] {"judy", "nobody"}) {
            assertThat(catchThrowable(() -> logIn.logIn(new Command(name, AuthFixture.PASSWORD, ADDRESS))))
                    .isInstanceOf(Outage.class);
            assertThat(auth.throttle.failuresOf(new Username(name))).isZero();
        }
        assertThat(auth.throttle.failuresFrom(ADDRESS)).isZero();
    }

    @Test
    void givenTheRefundFailsToo_logIn_stillThrowsTheOriginalFailure() {
        auth.customer("ken");
        down.set(true);
        IllegalStateException refundFailure = new IllegalStateException("throttle store unreachable");
        LoginThrottle failingRefunds = new LoginThrottle() {
            @Override
            public Optional<Duration> attempt(Username username, String clientAddress) {
                return auth.throttle.attempt(username, clientAddress);
            }

            @Override
            public Optional<Duration> attemptFromAddress(String clientAddress) {
                return auth.throttle.attemptFromAddress(clientAddress);
            }

            @Override
            public void recordSuccess(Username username, String clientAddress) {
                auth.throttle.recordSuccess(username, clientAddress);
            }

            @Override
            public void refund(Username username, String clientAddress) {
                throw refundFailure;
            }
        };
        LogInService logIn = new LogInService(flakyUsers, auth.hasher, failingRefunds, auth.issuer);

        Throwable thrown = catchThrowable(() -> logIn.logIn(new Command("ken", AuthFixture.PASSWORD, ADDRESS)));

        assertThat(thrown).isInstanceOf(Outage.class);
        assertThat(thrown.getSuppressed()).containsExactly(refundFailure);
    }

    @Test
    void givenACommand_toString_neverShowsThePassword() {
        assertThat(new Command("frank", "super-secret-1", ADDRESS).toString())
                .contains("frank", ADDRESS)
                .doesNotContain("super-secret-1");
    }
}
