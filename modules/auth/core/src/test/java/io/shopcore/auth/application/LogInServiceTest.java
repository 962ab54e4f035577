package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.auth.application.port.in.LogInUseCase.Command;
import io.shopcore.auth.application.port.in.LogInUseCase.Result;
import io.shopcore.auth.application.port.in.TokenPair;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.Username;
import io.shopcore.auth.testing.FakeAccessTokenIssuer;
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

    @Test
    void givenACommand_toString_neverShowsThePassword() {
        assertThat(new Command("frank", "super-secret-1", ADDRESS).toString())
                .contains("frank", ADDRESS)
                .doesNotContain("super-secret-1");
    }
}
