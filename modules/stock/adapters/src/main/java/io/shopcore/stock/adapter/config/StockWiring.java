package io.shopcore.stock.adapter.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.shopcore.infrastructure.capacity.BoundedExecutor;
import io.shopcore.stock.adapter.out.persistence.AtomicJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.BatchingJdbcReservationStrategy;
import io.shopcore.stock.adapter.out.persistence.PessimisticJdbcReservationStrategy;
import io.shopcore.stock.application.ReserveStockService;
import io.shopcore.stock.application.StockSettings;
import io.shopcore.stock.application.port.out.ReservationStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Turns configuration into what the core needs: its settings record, the chosen reservation strategy,
 * the bounded executor for the reserve use case's blocking work, and the reservation time limits
 * (checked against the datasource's at start-up: inconsistent limits fail the start).
 */
@ApplicationScoped
public class StockWiring {

    private static final Logger LOG = Logger.getLogger(StockWiring.class);

    @Produces
    @Singleton
    StockSettings settings(StockConfig config) {
        return new StockSettings(
                config.reservationTtl(),
                config.sweepBatchSize(),
                config.idempotencyRetention(),
                config.blocking().maxQueueTime());
    }

    /** Agroal's default acquisition timeout, when the property is not set. */
    static final Duration DEFAULT_ACQUISITION_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    StockTimeouts timeouts(StockConfig config, Config all) {
        return StockTimeouts.validated(
                config.statementTimeout(),
                all.getOptionalValue("quarkus.datasource.jdbc.acquisition-timeout", Duration.class)
                        .orElse(DEFAULT_ACQUISITION_TIMEOUT),
                all.getOptionalValue("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", Integer.class)
                        .map(Duration::ofSeconds)
                        .orElse(Duration.ZERO),
                config.batch().maxQueueTime());
    }

    /** Resolving the limits at start-up makes inconsistent settings fail the start, not the first reservation. */
    void checkTimeouts(@Observes StartupEvent event, StockTimeouts timeouts) {
        LOG.infof(
                "stock: statement timeout %ss, batched answers within %ss",
                timeouts.statementTimeoutSeconds(),
                timeouts.batchAnswerTimeout().toSeconds());
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
     * Idempotency look-ups and the synchronous strategies run here, never on the event loop that calls
     * {@code reserveAsync}, and not on the shared worker pool either: its queue is unbounded. This one
     * has {@code blocking.threads} threads and a queue of {@code blocking.queue-capacity}; when both are
     * full a reservation is refused at once (503 + Retry-After), like the batched path's full queue.
     * Nothing on these threads needs the request context (the command carries the caller).
     */
    @Produces
    @Singleton
    @Named(ReserveStockService.BLOCKING_EXECUTOR)
    BoundedExecutor blockingExecutor(StockConfig config, MeterRegistry registry) {
        return new BoundedExecutor(
                "stock-blocking",
                config.blocking().threads(),
                config.blocking().queueCapacity(),
                registry,
                "shopcore.stock.blocking");
    }

    void closeBlockingExecutor(@Disposes @Named(ReserveStockService.BLOCKING_EXECUTOR) BoundedExecutor executor) {
        executor.close();
    }
}
