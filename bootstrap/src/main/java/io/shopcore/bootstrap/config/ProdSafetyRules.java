package io.shopcore.bootstrap.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings prod must not run with, as plain logic over a key lookup (unit-tested rule by rule in
 * {@code ProdSafetyRulesTest}). Each violation names the setting, its environment variable and what to do.
 */
public final class ProdSafetyRules {

    /** Passwords written in application.properties for dev and test: public, so never an admin's in prod. */
    static final Set<String> KNOWN_DEV_PASSWORDS = Set.of("admin-dev-password", "admin-test-password");

    public record Violation(String key, String message) {
        @Override
        public String toString() {
            return key + " (" + env(key) + "): " + message;
        }
    }

    private final Function<String, Optional<String>> config;

    public ProdSafetyRules(Function<String, Optional<String>> config) {
        this.config = config;
    }

    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        jwtKeys(out);
        adminPassword(out);
        corsOrigins(out);
        testDatabase(out);
        flywayClean(out);
        return out;
    }

    private void jwtKeys(List<Violation> out) {
        if (value("mp.jwt.verify.publickey.location").isEmpty()
                && value("mp.jwt.verify.publickey").isEmpty()) {
            out.add(new Violation(
                    "mp.jwt.verify.publickey.location",
                    "no JWT verification key: point it at the RSA public key (PEM), see docs/operations.md"));
        }
        if (value("smallrye.jwt.sign.key.location").isEmpty()
                && value("smallrye.jwt.sign.key").isEmpty()) {
            out.add(new Violation(
                    "smallrye.jwt.sign.key.location",
                    "no JWT signing key: point it at the RSA private key (PEM), see docs/operations.md"));
        }
    }

    private void adminPassword(List<Violation> out) {
        value("shopcore.admin.password")
                .filter(KNOWN_DEV_PASSWORDS::contains)
                .ifPresent(p -> out.add(new Violation(
                        "shopcore.admin.password", "is the public dev/test password: set a long secret of your own")));
    }

    private void corsOrigins(List<Violation> out) {
        value("quarkus.http.cors.origins").ifPresent(origins -> {
            for (String origin : origins.split(",")) {
                String o = origin.trim();
                if (o.equals("*") || o.equals("/.*/") || o.equals("/.+/")) {
                    out.add(new Violation(
                            "quarkus.http.cors.origins",
                            "allows every origin (" + o + "): list the exact origins of your web front ends"));
                    return;
                }
            }
        });
    }

    private void testDatabase(List<Violation> out) {
        value("quarkus.datasource.jdbc.url")
                .map(ProdSafetyRules::databaseName)
                .filter(db -> db.toLowerCase(Locale.ROOT).contains("test"))
                .ifPresent(db -> out.add(new Violation(
                        "quarkus.datasource.jdbc.url",
                        "points at database '" + db
                                + "', a test database (tests clean it): use the production database")));
    }

    private void flywayClean(List<Violation> out) {
        if (isTrue("quarkus.flyway.clean-at-start")) {
            out.add(new Violation(
                    "quarkus.flyway.clean-at-start", "would drop every table at start-up: remove it (false)"));
        }
        if (value("quarkus.flyway.clean-disabled")
                .map(v -> v.trim().equalsIgnoreCase("false"))
                .orElse(false)) {
            out.add(new Violation(
                    "quarkus.flyway.clean-disabled", "allows Flyway to drop every table: remove it (true)"));
        }
    }

    /** The database name of a JDBC URL ({@code jdbc:postgresql://host:port/name?params}), or the URL itself. */
    static String databaseName(String jdbcUrl) {
        String rest = jdbcUrl;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
            int slash = rest.indexOf('/');
            rest = slash >= 0 ? rest.substring(slash + 1) : "";
        }
        int params = rest.indexOf('?');
        return params >= 0 ? rest.substring(0, params) : rest;
    }

    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private boolean isTrue(String key) {
        return value(key).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    private Optional<String> value(String key) {
        return config.apply(key).filter(v -> !v.isBlank());
    }
}
