package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.PurgeRefreshTokensUseCase;
import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class PurgeRefreshTokensService implements PurgeRefreshTokensUseCase {

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    public PurgeRefreshTokensService(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int purgeBatch(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        return refreshTokens.deleteUnusable(clock.instant(), batchSize);
    }
}
