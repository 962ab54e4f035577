package io.shopcore.infrastructure.observability;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code shopcore_dependency_up{dependency="postgresql"|"redis"}}: 1 when the last probe reached the
 * dependency, 0 when it failed. The health checks answer the same question, but only when asked; alerts
 * need a time series. Probes run on one daemon thread (never on a request or scrape thread), every
 * {@code shopcore.observability.probe-interval}, and a change of state is logged once.
 */
@ApplicationScoped
public class DependencyProbes {

    private static final Logger LOG = Logger.getLogger(DependencyProbes.class);

    private final AgroalDataSource database;
    private final RedisDataSource redis;
    private final Duration interval;
    private final AtomicInteger databaseUp = new AtomicInteger(1);
    private final AtomicInteger redisUp = new AtomicInteger(1);
    private ScheduledExecutorService executor;

    public DependencyProbes(
            AgroalDataSource database,
            RedisDataSource redis,
            MeterRegistry registry,
            @ConfigProperty(name = "shopcore.observability.probe-interval", defaultValue = "5s") Duration interval) {
        this.database = database;
        this.redis = redis;
        this.interval = interval;
        Gauge.builder("shopcore.dependency.up", databaseUp, AtomicInteger::get)
                .tag("dependency", "postgresql")
                .description("1 when the last probe reached the dependency, else 0")
                .register(registry);
        Gauge.builder("shopcore.dependency.up", redisUp, AtomicInteger::get)
                .tag("dependency", "redis")
                .description("1 when the last probe reached the dependency, else 0")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("shopcore-probes").unstarted(r));
        executor.scheduleWithFixedDelay(this::probe, 0, Math.max(100, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void probe() {
        update("postgresql", databaseUp, this::databaseReachable);
        update("redis", redisUp, this::redisReachable);
    }

    private boolean databaseReachable() {
        try (Connection c = database.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean redisReachable() {
        try {
            redis.execute("PING");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void update(String name, AtomicInteger state, java.util.function.BooleanSupplier probe) {
        int now = probe.getAsBoolean() ? 1 : 0;
        int before = state.getAndSet(now);
        if (before != now) {
            if (now == 1) {
                LOG.infof("%s is reachable again", name);
            } else {
                LOG.warnf("%s is unreachable (probe failed)", name);
            }
        }
    }
}
