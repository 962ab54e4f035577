package io.shopcore.bootstrap.delivery;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shopcore.bootstrap.localservices.DevKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The packaged app runs with the prod profile, which discovers nothing: this hands it explicit settings, as an
 * operator would. A fresh database {@code shopcore_test_it} on the local PostgreSQL, Redis db 3 (flushed), a JWT key
 * pair generated into target/, and an admin account.
 */
public class ProdServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** The prod management port (9000 by default) moved to a free one, so a local service on 9000 cannot interfere. */
    static volatile int managementPort;

    private static final String DB = "shopcore_test_it";
    private static final int REDIS_DB = 3;

    @Override
    public Map<String, String> start() {
        String pg = System.getProperty("shopcore.it.postgres", "127.0.0.1:5432");
        recreateDatabase(pg);
        flushRedis();
        DevKeys keys = DevKeys.in(Path.of("target", "it-keys").toAbsolutePath());
        managementPort = freePort();
        return Map.of(
                "quarkus.management.port",
                String.valueOf(managementPort),
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + pg + "/" + DB,
                "quarkus.datasource.username",
                "postgres",
                "quarkus.redis.hosts",
                "redis://127.0.0.1:6379/" + REDIS_DB,
                "mp.jwt.verify.publickey.location",
                keys.publicKey().toString(),
                "smallrye.jwt.sign.key.location",
                keys.privateKey().toString(),
                "shopcore.admin.username",
                "admin",
                "shopcore.admin.password",
                ADMIN_PASSWORD,
                // the database name must mark it as a test database (the test JVM's Flyway clean guard), which
                // the prod safety check rightly refuses: this is the integration-test-only switch for it
                "shopcore.prod-safety.enabled",
                "false");
    }

    @Override
    public void stop() {
        // the database stays for inspection; the next run recreates it
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreateDatabase(String hostPort) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + DB + " on " + hostPort, e);
        }
    }

    private static void flushRedis() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            OutputStream out = s.getOutputStream();
            out.write(("SELECT " + REDIS_DB + "\r\nFLUSHDB\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[10];
            int read = 0;
            while (read < 10) { // "+OK\r\n+OK\r\n"
                int n = s.getInputStream().read(reply, read, reply.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush Redis db " + REDIS_DB, e);
        }
    }
}
