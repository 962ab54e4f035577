package io.shopcore.stock.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.shopcore.stock.application.port.in.SweepStockUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Expires overdue reservations in bounded batches (one short transaction each, rows held by a
 * concurrent confirm or release skipped), and forgets idempotency keys past their retention.
 * Safe with several instances: SKIP LOCKED hands each overdue row to one sweeper.
 */
@ApplicationScoped
public class StockSweeper {

    private static final Logger LOG = Logger.getLogger(StockSweeper.class);

    private final SweepStockUseCase sweep;
    private final int batchSize;
    private final int maxBatches;

    public StockSweeper(SweepStockUseCase sweep,
                        @ConfigProperty(name = "shopcore.stock.sweep-batch-size", defaultValue = "500") int batchSize,
                        @ConfigProperty(name = "shopcore.stock.sweep-max-batches-per-run", defaultValue = "20") int maxBatches) {
        this.sweep = sweep;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    @Scheduled(identity = "stock-expiry-sweeper", every = "${shopcore.stock.sweep-interval:5s}",
            delayed = "${shopcore.stock.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        try {
            int total = 0;
            for (int i = 0; i < maxBatches; i++) {
                int n = sweep.expireDue();
                total += n;
                if (n < batchSize) {
                    break;
                }
            }
            if (total > 0) {
                LOG.debugf("stock: expired %d reservations", total);
            }
        } catch (RuntimeException e) {
            LOG.warnf("stock: expiry sweep failed, will retry: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "stock-idempotency-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeKeys() {
        try {
            sweep.purgeIdempotencyKeys();
        } catch (RuntimeException e) {
            LOG.warnf("stock: idempotency key purge failed, will retry: %s", e.getMessage());
        }
    }
}
