package io.shopcore.stock.adapter.in.scheduler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.shopcore.stock.adapter.config.StockConfig;
import io.shopcore.stock.application.port.in.ExpireReservationsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Expires overdue reservations in bounded batches (one short transaction each, rows held by a
 * concurrent confirm or release skipped). Safe with several instances: SKIP LOCKED hands each overdue
 * row to one sweeper. (Old idempotency keys: {@link IdempotencyKeyPurgeJob}.)
 *
 * <p>After each sweep it counts what is still overdue (one indexed count per sweep, not per scrape) and
 * exports it as {@code shopcore_stock_expiry_backlog}: near 0 when the sweeper keeps up; growing when
 * reservations expire faster than {@code sweep-batch-size x sweep-max-batches-per-run} per interval, or
 * when sweeps fail. Started with the application so that the gauge exists from the first scrape.
 */
@Startup
@ApplicationScoped
public class StockSweeper {

    private static final Logger LOG = Logger.getLogger(StockSweeper.class);

    private final ExpireReservationsUseCase expireReservations;
    private final StockConfig config;
    private final AtomicLong backlog = new AtomicLong();

    public StockSweeper(ExpireReservationsUseCase expireReservations, StockConfig config, MeterRegistry registry) {
        this.expireReservations = expireReservations;
        this.config = config;
        Gauge.builder("shopcore.stock.expiry.backlog", backlog, AtomicLong::get)
                .description("HELD reservations past their expiry that the sweeper has not expired yet (after the"
                        + " last sweep)")
                .register(registry);
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
            backlog.set(expireReservations.overdueBacklog());
        } catch (RuntimeException e) {
            LOG.warnf("stock: expiry sweep failed, will retry: %s", e.getMessage());
        }
    }
}
