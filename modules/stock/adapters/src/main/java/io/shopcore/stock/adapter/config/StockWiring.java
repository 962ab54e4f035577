package io.shopcore.stock.adapter.config;

import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.application.StockSettings;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Turns configuration into what the core needs: its settings record and the chosen reservation strategy. */
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
    ReservationStrategy strategy(StockConfig config, Instance<PessimisticJdbcReservationStrategy> pessimistic,
                                 Instance<AtomicJdbcReservationStrategy> atomic,
                                 Instance<BatchingJdbcReservationStrategy> batched) {
        LOG.infof("stock: reservation strategy %s", config.reservationStrategy());
        return switch (config.reservationStrategy()) {
            case PESSIMISTIC -> pessimistic.get();
            case ATOMIC -> atomic.get();
            case BATCHED -> batched.get();
        };
    }
}
