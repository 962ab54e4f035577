package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.TokenPair;
import io.shopcore.auth.application.port.out.AccessTokenIssuer;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;

/** Issues token pairs: a signed access token and a stored (hashed) refresh token. */
@ApplicationScoped
public class TokenPairIssuer {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;
    private final Duration refreshTtl;

    @Inject
    public TokenPairIssuer(
            AccessTokenIssuer accessTokens, RefreshTokenRepository refreshTokens, Clock clock, AuthSettings settings) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.refreshTtl = settings.refreshTokenTtl();
    }

    /** Starts a new refresh-token family for a fresh login. */
    @Transactional
    public TokenPair startSession(User user) {
        String token = OpaqueTokens.newToken();
        refreshTokens.add(RefreshToken.startFamily(
                user.id(), OpaqueTokens.digest(token), clock.instant().plus(refreshTtl)));
        return pair(user, token);
    }

    /** Continues a family: the caller has spent {@code previous} in the same transaction. */
    TokenPair rotate(User user, RefreshToken previous) {
        String token = OpaqueTokens.newToken();
        refreshTokens.add(
                previous.successor(OpaqueTokens.digest(token), clock.instant().plus(refreshTtl)));
        return pair(user, token);
    }

    private TokenPair pair(User user, String refreshToken) {
        AccessTokenIssuer.AccessToken access = accessTokens.issue(user);
        return new TokenPair(access.value(), access.expiresInSeconds(), refreshToken);
    }
}
