package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.auth.application.port.in.LogInUseCase;
import io.shopcore.auth.application.port.in.RefreshTokensUseCase.Command;
import io.shopcore.auth.application.port.in.RefreshTokensUseCase.Result;
import io.shopcore.auth.application.port.in.TokenPair;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.RefreshToken.State;
import io.shopcore.auth.domain.User;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshTokensServiceTest {

    final AuthFixture auth = new AuthFixture();
    User alice;
    TokenPair first;
    UUID family;

    @BeforeEach
    void logIn() {
        alice = auth.customer("alice");
        first = ((LogInUseCase.Result.Issued)
                        auth.logIn.logIn(new LogInUseCase.Command("alice", AuthFixture.PASSWORD, "203.0.113.7")))
                .tokens();
        family = auth.refreshTokens.all().getFirst().familyId();
    }

    Result refresh(String token) {
        return auth.refresh.refresh(new Command(token));
    }

    TokenPair rotated(String token) {
        return ((Result.Issued) refresh(token)).tokens();
    }

    State stateOf(String token) {
        return auth.refreshTokens
                .findByHashForUpdate(OpaqueTokens.digest(token))
                .orElseThrow()
                .state();
    }

    @Test
    void givenAnActiveToken_refresh_spendsItAndIssuesTheNextOfTheSameFamily() {
        auth.advance(Duration.ofHours(1));

        TokenPair second = rotated(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isEqualTo("access:" + alice.id() + ":2");
        assertThat(stateOf(first.refreshToken())).isEqualTo(State.SPENT);
        RefreshToken next = auth.refreshTokens
                .findByHashForUpdate(OpaqueTokens.digest(second.refreshToken()))
                .orElseThrow();
        assertThat(next.state()).isEqualTo(State.ACTIVE);
        assertThat(next.familyId()).isEqualTo(family);
        assertThat(next.userId()).isEqualTo(alice.id());
        assertThat(next.expiresAt())
                .isEqualTo(AuthFixture.T0.plus(Duration.ofHours(1)).plus(AuthFixture.REFRESH_TTL));
    }

    @Test
    void givenAChainOfRotations_eachNewToken_worksOnce() {
        TokenPair second = rotated(first.refreshToken());
        TokenPair third = rotated(second.refreshToken());

        assertThat(auth.refreshTokens.family(family))
                .extracting(RefreshToken::state)
                .containsExactly(State.SPENT, State.SPENT, State.ACTIVE);
        assertThat(stateOf(third.refreshToken())).isEqualTo(State.ACTIVE);
    }

    @Test
    void givenASpentToken_refresh_isRejectedAndRevokesTheWholeFamily() {
        TokenPair second = rotated(first.refreshToken());

        assertThat(refresh(first.refreshToken())).isEqualTo(new Result.Rejected());

        assertThat(auth.refreshTokens.family(family))
                .extracting(RefreshToken::state)
                .containsOnly(State.REVOKED);
        assertThat(refresh(second.refreshToken()))
                .as("the thief's and the owner's next token alike")
                .isEqualTo(new Result.Rejected());
        assertThat(auth.accessTokens.issued()).isEqualTo(2);
    }

    @Test
    void givenAReuseInOneFamily_refresh_leavesOtherFamiliesOfTheUserAlone() {
        TokenPair otherSession = ((LogInUseCase.Result.Issued)
                        auth.logIn.logIn(new LogInUseCase.Command("alice", AuthFixture.PASSWORD, "198.51.100.1")))
                .tokens();
        rotated(first.refreshToken());

        refresh(first.refreshToken());

        assertThat(stateOf(otherSession.refreshToken())).isEqualTo(State.ACTIVE);
        assertThat(refresh(otherSession.refreshToken())).isInstanceOf(Result.Issued.class);
    }

    @Test
    void givenAnExpiredToken_refresh_isRejectedWithoutRevokingOrSpendingIt() {
        auth.advance(AuthFixture.REFRESH_TTL);

        assertThat(refresh(first.refreshToken())).isEqualTo(new Result.Rejected());

        assertThat(stateOf(first.refreshToken())).isEqualTo(State.ACTIVE);
        assertThat(auth.refreshTokens.all()).hasSize(1);
    }

    @Test
    void givenATokenJustBeforeExpiry_refresh_works() {
        auth.advance(AuthFixture.REFRESH_TTL.minusSeconds(1));
        assertThat(refresh(first.refreshToken())).isInstanceOf(Result.Issued.class);
    }

    @Test
    void givenUnknownOrBlankTokens_refresh_isRejectedAndChangesNothing() {
        assertThat(refresh("not-a-token")).isEqualTo(new Result.Rejected());
        assertThat(refresh("")).isEqualTo(new Result.Rejected());
        assertThat(refresh("   ")).isEqualTo(new Result.Rejected());
        assertThat(refresh(null)).isEqualTo(new Result.Rejected());

        assertThat(stateOf(first.refreshToken())).isEqualTo(State.ACTIVE);
        assertThat(auth.refreshTokens.all()).hasSize(1);
    }

    @Test
    void givenATokenWhoseUserIsGone_refresh_isRejectedAndRevokesTheFamily() {
        auth.users.remove(alice.id());

        assertThat(refresh(first.refreshToken())).isEqualTo(new Result.Rejected());

        assertThat(stateOf(first.refreshToken())).isEqualTo(State.REVOKED);
        assertThat(auth.refreshTokens.all()).hasSize(1);
    }

    @Test
    void givenACommand_toString_neverShowsTheToken() {
        assertThat(new Command(first.refreshToken()).toString()).isEqualTo("Command[****, clientAddress=null]");
        assertThat(first.toString()).isEqualTo("TokenPair[expiresIn=900]");
    }
}
