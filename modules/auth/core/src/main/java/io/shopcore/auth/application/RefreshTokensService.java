package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.RefreshTokensUseCase;
import io.shopcore.auth.application.port.out.AddressThrottle;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Refresh-token rotation with reuse detection. The token row is locked, so of two concurrent uses
 * exactly one is accepted; the other sees a spent token and revokes the family. A rejection is a
 * value, so the revocation commits.
 */
@ApplicationScoped
public class RefreshTokensService implements RefreshTokensUseCase {

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final TokenPairIssuer issuer;
    private final AddressThrottle throttle;
    private final Clock clock;

    public RefreshTokensService(
            RefreshTokenRepository refreshTokens,
            UserRepository users,
            TokenPairIssuer issuer,
            AddressThrottle throttle,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result refresh(Command command) {
        if (command.refreshToken() == null || command.refreshToken().isBlank()) {
            return new Result.Rejected();
        }
        Optional<java.time.Duration> blocked =
                throttle.attempt(AddressThrottle.Action.REFRESH, command.clientAddress());
        if (blocked.isPresent()) {
            return new Result.Throttled(blocked.get());
        }
        Optional<RefreshToken> found = refreshTokens.findByHashForUpdate(OpaqueTokens.digest(command.refreshToken()));
        if (found.isEmpty()) {
            return new Result.Rejected();
        }
        RefreshToken token = found.get();
        switch (token.use(clock.instant())) {
            case REUSED -> {
                refreshTokens.revokeFamily(token.familyId());
                return new Result.Rejected();
            }
            case EXPIRED -> {
                return new Result.Rejected();
            }
            case ACCEPTED -> {
                // Roles come from the account as it is now, never from the previous access token.
                Optional<User> user = users.findById(token.userId());
                if (user.isEmpty()) {
                    refreshTokens.revokeFamily(token.familyId());
                    return new Result.Rejected();
                }
                refreshTokens.updateState(token);
                return new Result.Issued(issuer.rotate(user.get(), token));
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
