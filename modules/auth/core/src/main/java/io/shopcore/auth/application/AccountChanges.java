package io.shopcore.auth.application;

import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.User;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way use cases save a user whose password or roles changed: the change is stored and every
 * refresh-token family of the user is revoked in the same transaction, so no session that was opened
 * under the old password or roles can mint new access tokens. (Access tokens already out live until
 * they expire, at most {@code shopcore.auth.access-token-ttl}.)
 */
@ApplicationScoped
public class AccountChanges {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;

    public AccountChanges(UserRepository users, RefreshTokenRepository refreshTokens) {
        this.users = users;
        this.refreshTokens = refreshTokens;
    }

    /** Saves a changed password or role set and revokes the user's sessions. The caller holds a transaction. */
    public void saveCredentialChange(User user) {
        users.update(user);
        refreshTokens.revokeAllOf(user.id());
    }
}
