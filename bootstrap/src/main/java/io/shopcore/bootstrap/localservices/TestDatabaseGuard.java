package io.shopcore.bootstrap.localservices;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway {@code clean} drops every object of the configured schemas. The test profile cleans at start;
 * pointed at a real database by a stray {@code QUARKUS_DATASOURCE_JDBC_URL} it would wipe it. So, when
 * clean-at-start is on, start-up is refused unless the JDBC URL's database name says {@code test}.
 */
public final class TestDatabaseGuard {

    private static final Pattern DATABASE =
            Pattern.compile("^jdbc:[a-z0-9]+:(?://[^/?#]*)?/?([^?;#]*)", Pattern.CASE_INSENSITIVE);

    private TestDatabaseGuard() {}

    /** Throws when Flyway would clean a database whose name does not mark it as a test database. */
    public static void check(boolean cleanAtStart, String jdbcUrl) {
        if (!cleanAtStart) {
            return;
        }
        String name = databaseName(jdbcUrl);
        if (name == null || !name.toLowerCase(Locale.ROOT).contains("test")) {
            throw new IllegalStateException(
                    "Refusing to start: quarkus.flyway.clean-at-start=true would wipe database '"
                            + (name == null ? "?" : name) + "' (" + jdbcUrl + "), whose name does not contain 'test'. "
                            + "Point the test profile at a test database (e.g. shopcore_test) or turn clean-at-start off.");
        }
    }

    /** The database name of a JDBC URL ({@code jdbc:postgresql://host:5432/name?x=y} gives {@code name}), or null. */
    static String databaseName(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        Matcher m = DATABASE.matcher(jdbcUrl.trim());
        if (!m.find()) {
            return null;
        }
        String path = m.group(1);
        int slash = path.lastIndexOf('/');
        String name = slash >= 0 ? path.substring(slash + 1) : path;
        return name.isBlank() ? null : name;
    }
}
