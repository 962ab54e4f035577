package io.shopcore.bootstrap.support;

import io.shopcore.bootstrap.localservices.DevKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the packaged app needs to run with the prod profile, which discovers nothing: a fresh test database on
 * the local PostgreSQL, a flushed Redis database, a JWT key pair in target/it-keys, an admin account, and the
 * settings that point the app at them, as an operator would give them. Shared by the {@code @QuarkusIntegrationTest}
 * resource ({@code ProdServicesResource}) and the tests that run the jar as their own processes
 * ({@link PackagedApp}).
 */
public final class ProdServices {

    private static final String REDIS_HOST = "127.0.0.1";
    private static final int REDIS_PORT = 6379;

    private final String postgres;
    private final String database;
    private final int redisDb;
    private final DevKeys keys;

    private ProdServices(String postgres, String database, int redisDb, DevKeys keys) {
        this.postgres = postgres;
        this.database = database;
        this.redisDb = redisDb;
        this.keys = keys;
    }

    /**
     * Drops and recreates {@code database} (its name must contain "test", which is also why the app needs
     * {@code shopcore.prod-safety.enabled=false}) on {@code shopcore.it.postgres} (default 127.0.0.1:5432) and
     * flushes Redis database {@code redisDb}.
     */
    public static ProdServices fresh(String database, int redisDb) {
        if (!database.contains("test")) {
            throw new IllegalArgumentException("a test database name must contain \"test\": " + database);
        }
        String pg = System.getProperty("shopcore.it.postgres", "127.0.0.1:5432");
        recreateDatabase(pg, database);
        flushRedis(redisDb);
        return new ProdServices(
                pg, database, redisDb, DevKeys.in(Path.of("target", "it-keys").toAbsolutePath()));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + postgres + "/" + database;
    }

    /** A plain JDBC connection to the database, for checks the API does not offer. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Datasource, Redis, JWT keys and the admin account, as system properties or environment would give them. */
    public Map<String, String> settings(String adminUsername, String adminPassword) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", jdbcUrl());
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.redis.hosts", "redis://" + REDIS_HOST + ":" + REDIS_PORT + "/" + redisDb);
        settings.put("mp.jwt.verify.publickey.location", keys.publicKey().toString());
        settings.put("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        settings.put("shopcore.admin.username", adminUsername);
        settings.put("shopcore.admin.password", adminPassword);
        // the database name must mark it as a test database (the test JVM's Flyway clean guard), which the
        // prod safety check rightly refuses: this is the integration-test-only switch for it
        settings.put("shopcore.prod-safety.enabled", "false");
        return settings;
    }

    private static void recreateDatabase(String hostPort, String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " on " + hostPort, e);
        }
    }

    private static void flushRedis(int db) {
        try (Socket s = new Socket(REDIS_HOST, REDIS_PORT)) {
            OutputStream out = s.getOutputStream();
            out.write(("SELECT " + db + "\r\nFLUSHDB\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = new byte[10];
            int read = 0;
            while (read < reply.length) { // "+OK\r\n+OK\r\n"
                int n = in.read(reply, read, reply.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
            if (!answer.equals("+OK\r\n+OK\r\n")) {
                throw new IllegalStateException("Redis did not flush db " + db + ": " + answer.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush Redis db " + db, e);
        }
    }
}
