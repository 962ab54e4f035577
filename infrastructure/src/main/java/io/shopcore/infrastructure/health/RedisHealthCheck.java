package io.shopcore.infrastructure.health;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis only holds caches and counters, so its loss degrades the service but must not take it out
 * of the load balancer: the check stays UP and reports {@code state: degraded}. (The Redis
 * extension's own readiness check is switched off in application.properties for that reason.)
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    private final RedisDataSource redis;

    public RedisHealthCheck(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("redis").up();
        try {
            redis.execute("PING");
            return builder.withData("state", "up").build();
        } catch (RuntimeException e) {
            return builder.withData("state", "degraded")
                    .withData("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
