package io.shopcore.bootstrap.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Redis pointed at a closed port, for outage tests. Every outage test class uses this one profile, so
 * Quarkus starts the application once for all of them.
 */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "quarkus.redis.timeout", "200ms");
    }
}
