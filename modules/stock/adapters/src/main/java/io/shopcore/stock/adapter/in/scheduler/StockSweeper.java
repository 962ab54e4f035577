package io.shopcore.stock.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.shopcore.stock.adapter.config.StockConfig;
import io.shopcore.stock.application.port.in.ExpireReservationsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Expires overdue reservations in bounded batches (one short transaction each, rows held by a
 * concurrent confirm or release skipped). Safe with several instances: SKIP LOCKED hands each overdue
 * row to one sweeper. (Old idempotency keys: {@link IdempotencyKeyPurgeJob}.)
 */
@ApplicationScoped
public class StockSweeper {

    private static final Logger LOG = Logger.getLogger(StockSweeper.class);

    private final ExpireReservationsUseCase expireReservations;
    private final StockConfig config;

    public StockSweeper(ExpireReservationsUseCase expireReservations, StockConfig config) {
        this.expireReservations = expireReservations;
        this.config = config;
    }

    /** The interval is StockConfig's {@code sweep-interval} (its default included), read by the scheduler. */
    @Scheduled(
            identity = "stock-expiry-sweeper",
            every = "${shopcore.stock.sweep-interval}",
            delayed = "${shopcore.stock.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        try {
            int total = 0;
            for (int i = 0; i < config.sweepMaxBatchesPerRun(); i++) {
                int n = expireReservations.expireDue();
                total += n;
                if (n < config.sweepBatchSize()) {
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
}
