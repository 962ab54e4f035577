package io.shopcore.stock.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.shopcore.stock.adapter.config.StockConfig;
import io.shopcore.stock.application.port.in.PurgeIdempotencyKeysUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency keys past their retention in bounded batches, each its own short transaction, at
 * most {@code max-batches-per-run} per run so one run never holds the database for long. Safe with
 * several instances (blue and green): each batch skips rows another instance holds
 * ({@code FOR UPDATE SKIP LOCKED}), and a run never overlaps itself within one instance.
 */
@ApplicationScoped
public class IdempotencyKeyPurgeJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurgeJob.class);

    private final PurgeIdempotencyKeysUseCase purge;
    private final StockConfig.IdempotencyPurge settings;

    public IdempotencyKeyPurgeJob(PurgeIdempotencyKeysUseCase purge, StockConfig config) {
        this.purge = purge;
        this.settings = config.idempotencyPurge();
    }

    @Scheduled(
            identity = "stock-idempotency-purge",
            every = "${shopcore.stock.idempotency-purge.interval:10m}",
            delayed = "${shopcore.stock.idempotency-purge.interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("stock: idempotency key purge failed, will retry: %s", e.getMessage());
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
            LOG.infof("stock: purged %d idempotency keys past their retention", total);
        }
        return total;
    }
}
