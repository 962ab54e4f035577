package io.shopcore.bootstrap.localservices;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shopcore.bootstrap.support.TcpProxy;
import java.net.URI;
import java.util.Map;

/**
 * Starts a {@link TcpProxy} in front of the test Redis (an explicit {@code QUARKUS_REDIS_HOSTS}, else the one
 * {@link LocalServices} finds, database 1 as in the test profile) and points the application at it. Tests reach
 * the proxy through {@link #proxy()} to cut Redis in the middle of a load and heal it again.
 */
public class ProxiedRedisResource implements QuarkusTestResourceLifecycleManager {

    private static final int TEST_DB = 1;

    private static volatile TcpProxy proxy;

    /** The proxy of the running application (only while a test of such a profile runs). */
    public static TcpProxy proxy() {
        TcpProxy p = proxy;
        if (p == null) {
            throw new IllegalStateException("no proxied Redis: use the ProxiedRedisProfile");
        }
        return p;
    }

    @Override
    public Map<String, String> start() {
        String configured = System.getenv("QUARKUS_REDIS_HOSTS");
        URI upstream = configured == null || configured.isBlank()
                ? URI.create(LocalServices.redis().uri(TEST_DB))
                : URI.create(configured.split(",")[0].trim());
        proxy = TcpProxy.start(upstream.getHost(), upstream.getPort() < 0 ? 6379 : upstream.getPort());
        String path = upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
                ? "/" + TEST_DB
                : upstream.getRawPath();
        String userInfo = upstream.getRawUserInfo() == null ? "" : upstream.getRawUserInfo() + "@";
        return Map.of(
                "quarkus.redis.hosts", upstream.getScheme() + "://" + userInfo + "127.0.0.1:" + proxy.port() + path);
    }

    @Override
    public void stop() {
        TcpProxy p = proxy;
        proxy = null;
        if (p != null) {
            p.close();
        }
    }
}
