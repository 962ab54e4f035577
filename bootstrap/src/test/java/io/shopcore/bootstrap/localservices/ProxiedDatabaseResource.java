package io.shopcore.bootstrap.localservices;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shopcore.bootstrap.support.TcpProxy;
import java.net.URI;
import java.util.Map;

/**
 * Starts a {@link TcpProxy} in front of the test PostgreSQL (the one the test profile would use: an
 * explicit {@code QUARKUS_DATASOURCE_JDBC_URL}, else {@link LocalServices}) and points the application's
 * datasource at it. Tests reach the proxy through {@link #proxy()} to cut and heal the database.
 */
public class ProxiedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    /** The proxy of the running application (only while a test of such a profile runs). */
    public static TcpProxy proxy() {
        TcpProxy p = proxy;
        if (p == null) {
            throw new IllegalStateException("no proxied database: use the ProxiedDatabaseProfile");
        }
        return p;
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String username = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            LocalServices.Database db = LocalServices.database("shopcore_test");
            jdbcUrl = db.jdbcUrl();
            username = db.username();
            password = db.password() == null ? "" : db.password();
        }
        URI upstream = URI.create(jdbcUrl.substring("jdbc:".length()));
        proxy = TcpProxy.start(upstream.getHost(), upstream.getPort() < 0 ? 5432 : upstream.getPort());
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + upstream.getRawPath()
                + (upstream.getRawQuery() == null ? "" : "?" + upstream.getRawQuery());
        return Map.of(
                "quarkus.datasource.jdbc.url",
                proxied,
                "quarkus.datasource.username",
                username,
                "quarkus.datasource.password",
                password);
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
