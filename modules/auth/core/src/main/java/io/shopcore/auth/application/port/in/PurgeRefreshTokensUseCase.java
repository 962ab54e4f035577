package io.shopcore.auth.application.port.in;

/** Housekeeping: deletes refresh tokens that can no longer be used, one bounded batch per call. */
public interface PurgeRefreshTokensUseCase {

    /** Deletes at most {@code batchSize} revoked or expired tokens in one short transaction; returns how many. */
    int purgeBatch(int batchSize);
}
