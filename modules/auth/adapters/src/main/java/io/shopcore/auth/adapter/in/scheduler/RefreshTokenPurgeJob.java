package io.shopcore.auth.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.in.PurgeRefreshTokensUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes revoked and expired refresh tokens in bounded batches, each its own short transaction, at
 * most {@code max-batches-per-run} per run so one run never holds the database for long. Safe with
 * several instances (blue and green): each batch skips rows another instance holds
 * ({@code FOR UPDATE SKIP LOCKED}), and a run never overlaps itself within one instance.
 */
@ApplicationScoped
public class RefreshTokenPurgeJob {

    private static final Logger LOG = Logger.getLogger(RefreshTokenPurgeJob.class);

    private final PurgeRefreshTokensUseCase purge;
    private final AuthConfig.RefreshTokenPurge settings;

    public RefreshTokenPurgeJob(PurgeRefreshTokensUseCase purge, AuthConfig config) {
        this.purge = purge;
        this.settings = config.refreshTokenPurge();
    }

    @Scheduled(
            identity = "auth-refresh-token-purge",
            every = "${shopcore.auth.refresh-token-purge.interval:10m}",
            delayed = "${shopcore.auth.refresh-token-purge.interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (settings.enabled()) {
            runOnce();
        }
    }

    /** One run: batches until one comes back short or the per-run bound is reached; returns how many were deleted. */
    public int runOnce() {
        int total = 0;
        for (int i = 0; i < settings.maxBatchesPerRun(); i++) {
            int deleted = purge.purgeBatch(settings.batchSize());
            total += deleted;
            if (deleted < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Purged %d unusable refresh tokens", total);
        }
        return total;
    }
}
