package io.shopcore.bootstrap.delivery;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shopcore.bootstrap.support.ProdServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged app runs with the prod profile, which discovers nothing: this hands it explicit settings, as an
 * operator would ({@link ProdServices}): a fresh database {@code shopcore_test_it} on the local PostgreSQL, Redis
 * db 3 (flushed), a JWT key pair generated into target/, and an admin account.
 */
public class ProdServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** The prod management port (9000 by default) moved to a free one, so a local service on 9000 cannot interfere. */
    static volatile int managementPort;

    private static final String DB = "shopcore_test_it";
    private static final int REDIS_DB = 3;

    @Override
    public Map<String, String> start() {
        ProdServices services = ProdServices.fresh(DB, REDIS_DB);
        managementPort = freePort();
        Map<String, String> settings = new LinkedHashMap<>(services.settings("admin", ADMIN_PASSWORD));
        settings.put("quarkus.management.port", String.valueOf(managementPort));
        return settings;
    }

    @Override
    public void stop() {
        // the database stays for inspection; the next run recreates it
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
