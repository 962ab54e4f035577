package io.shopcore.bootstrap.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.shopcore.bootstrap.localservices.ProxiedDatabaseResource;
import java.util.List;

/**
 * PostgreSQL behind a {@link TcpProxy} ({@link ProxiedDatabaseResource#proxy()}), for database outage
 * tests. Every such test class uses this one profile, so Quarkus starts the application once for all.
 * Tests that cut the proxy must heal it before they end.
 */
public class ProxiedDatabaseProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedDatabaseResource.class));
    }
}
