package io.shopcore.bootstrap.operations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The instance behind BackupRoundTripTest: its own database ({@code shopcore_test_backup_src} on the local
 * PostgreSQL), migrated from scratch and filled with the demo catalog (10 categories, 1,000 products
 * with stock) at start-up, so the backup holds realistic data and the shared test database stays out of it.
 */
public class BackupSourceProfile implements QuarkusTestProfile {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String USER = "postgres";
    static final String DATABASE = "shopcore_test_backup_src";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE,
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                "",
                "shopcore.catalog.demo-data.enabled",
                "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CreateDatabase.class));
    }

    /** Creates the database before the application starts (Flyway then cleans and migrates it). */
    public static class CreateDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create " + DATABASE + " on " + HOST + ":" + PORT, e);
            }
            return Map.of();
        }

        @Override
        public void stop() {}
    }
}
