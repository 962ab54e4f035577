package io.shopcore.bootstrap.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.shopcore.bootstrap.localservices.ProxiedRedisResource;
import java.util.List;

/**
 * Redis behind a {@link TcpProxy} ({@link ProxiedRedisResource#proxy()}), for tests that cut Redis in the middle
 * of a load and heal it (unlike {@link RedisDownProfile}, where it is never there). Tests that cut the proxy
 * must heal it before they end.
 */
public class ProxiedRedisProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedRedisResource.class));
    }
}
