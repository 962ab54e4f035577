package io.shopcore.stock.adapter.config;

import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.application.ReserveStockService;
import io.shopcore.stock.application.StockSettings;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Turns configuration into what the core needs: its settings record, the chosen reservation strategy,
 * and the executor for the reserve use case's blocking work.
 */
@ApplicationScoped
public class StockWiring {

    private static final Logger LOG = Logger.getLogger(StockWiring.class);

    @Produces
    @Singleton
    StockSettings settings(StockConfig config) {
        return new StockSettings(config.reservationTtl(), config.sweepBatchSize(), config.idempotencyRetention());
    }

    @Produces
    @Singleton
    ReservationStrategy strategy(
            StockConfig config,
            Instance<PessimisticJdbcReservationStrategy> pessimistic,
            Instance<AtomicJdbcReservationStrategy> atomic,
            Instance<BatchingJdbcReservationStrategy> batched) {
        LOG.infof("stock: reservation strategy %s", config.reservationStrategy());
        return switch (config.reservationStrategy()) {
            case PESSIMISTIC -> pessimistic.get();
            case ATOMIC -> atomic.get();
            case BATCHED -> batched.get();
        };
    }

    /**
     * Quarkus's worker pool, with context propagation: idempotency look-ups and the synchronous
     * strategies run there, never on the event loop that calls {@code reserveAsync}.
     */
    @Produces
    @Singleton
    @Named(ReserveStockService.BLOCKING_EXECUTOR)
    Executor blockingExecutor(ManagedExecutor workers) {
        return workers;
    }
}
