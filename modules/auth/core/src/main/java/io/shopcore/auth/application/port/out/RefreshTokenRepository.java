package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.RefreshToken;
import io.shopcore.auth.domain.UserId;
import java.time.Instant;
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

    /** Revokes every token of every family of the user (password or roles changed); returns how many changed. */
    int revokeAllOf(UserId userId);

    /**
     * Deletes at most {@code limit} tokens that can no longer be used: revoked ones, and any expired at
     * {@code now}. Spent tokens stay until they expire, since presenting one again is how a leak is
     * detected. Safe to run on several instances at once (rows another run holds are skipped).
     * Returns how many were deleted.
     */
    int deleteUnusable(Instant now, int limit);
}
