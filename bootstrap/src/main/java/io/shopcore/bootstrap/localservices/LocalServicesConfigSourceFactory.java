package io.shopcore.bootstrap.localservices;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Supplies, for the {@code dev} and {@code test} profiles only, what a fresh machine lacks: the
 * PostgreSQL URL, the Redis host and a JWT key pair. Anything configured explicitly (environment,
 * system properties, application.properties) is left alone, and this source's low ordinal means
 * explicit values win anyway. Tests get their own database ({@code shopcore_test}) and Redis
 * database 1, never the dev data; {@code shopcore.local-services.database} names another one (e.g. a fresh dev
 * database: {@code ./mvnw quarkus:dev -Dshopcore.local-services.database=shopcore_scratch}).
 */
public class LocalServicesConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String REDIS_HOSTS = "quarkus.redis.hosts";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";
    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    /** The database found or created on the local PostgreSQL (default shopcore, tests shopcore_test). */
    static final String DATABASE_NAME = "shopcore.local-services.database";

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean test = profiles.contains("test");
        boolean dev = profiles.contains("dev");
        boolean cleanAtStart = "true".equalsIgnoreCase(value(context, "quarkus.flyway.clean-at-start"));
        String configuredUrl = value(context, JDBC_URL);
        if (configuredUrl != null) {
            // Checked before anything connects: Flyway cleans during start-up, before any start-up observer runs.
            TestDatabaseGuard.check(cleanAtStart, configuredUrl);
        }
        if (!test && !dev || "false".equals(value(context, "shopcore.local-services.enabled"))) {
            return List.of();
        }
        Map<String, String> props = new HashMap<>();
        if (configuredUrl == null) {
            String name = value(context, DATABASE_NAME);
            LocalServices.Database db =
                    LocalServices.database(name != null ? name : test ? "shopcore_test" : "shopcore");
            TestDatabaseGuard.check(cleanAtStart, db.jdbcUrl());
            props.put(JDBC_URL, db.jdbcUrl());
            props.put("quarkus.datasource.username", db.username());
            props.put("quarkus.datasource.password", db.password());
        }
        if (value(context, REDIS_HOSTS) == null) {
            props.put(REDIS_HOSTS, LocalServices.redis().uri(test ? 1 : 0));
        }
        if (value(context, VERIFY_KEY) == null
                && value(context, SIGN_KEY) == null
                && value(context, "mp.jwt.verify.publickey") == null) {
            DevKeys keys = DevKeys.ensure();
            props.put(VERIFY_KEY, keys.publicKey().toUri().toString());
            props.put(SIGN_KEY, keys.privateKey().toUri().toString());
        }
        return List.of(new PropertiesConfigSource(props, "shopcore-local-services", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue();
    }
}
