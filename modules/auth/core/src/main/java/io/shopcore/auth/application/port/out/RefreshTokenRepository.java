package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.RefreshToken;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens by hash. Callers run inside a transaction. */
public interface RefreshTokenRepository {

    void add(RefreshToken token);

    /** The token with this hash, locked until the transaction ends, so one use wins a race. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    void updateState(RefreshToken token);

    /** Revokes every token of the family; returns how many changed. */
    int revokeFamily(UUID familyId);
}
