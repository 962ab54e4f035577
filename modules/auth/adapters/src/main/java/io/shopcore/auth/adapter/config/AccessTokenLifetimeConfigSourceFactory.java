package io.shopcore.auth.adapter.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives SmallRye JWT's maximum token lifetime ({@code smallrye.jwt.time-to-live}, seconds) from
 * {@code shopcore.auth.access-token-ttl}. SmallRye rejects a token whose {@code exp - iat} exceeds that
 * limit, so a fixed limit (it used to be 900) made every login useless as soon as the lifetime was
 * raised above 15 minutes. The limit still guards against tokens with unreasonably long lives. Low
 * ordinal: an explicit value wins, and AuthWiring refuses one below the lifetime.
 */
public class AccessTokenLifetimeConfigSourceFactory implements ConfigSourceFactory {

    static final String TTL_KEY = "shopcore.auth.access-token-ttl";
    static final String MAX_TTL_KEY = "smallrye.jwt.time-to-live";
    static final String DEFAULT_TTL = "15m";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue ttl = context.getValue(TTL_KEY);
        String raw = ttl == null || ttl.getValue() == null || ttl.getValue().isBlank() ? DEFAULT_TTL : ttl.getValue();
        long seconds;
        try {
            seconds = parse(raw).toSeconds();
        } catch (RuntimeException e) {
            return List.of(); // the @ConfigMapping reports the bad value with its own message
        }
        return List.of(new PropertiesConfigSource(
                Map.of(MAX_TTL_KEY, Long.toString(seconds)), "shopcore-access-token-lifetime", 140));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(140);
    }

    /** The same formats as Quarkus durations: ISO-8601 ({@code PT30M}), or a number with d/h/m/s/ms, or plain seconds. */
    static Duration parse(String raw) {
        String v = raw.trim();
        if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P")) {
            return Duration.parse(v);
        }
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+[dD]")) {
            return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse("PT" + v.toUpperCase(java.util.Locale.ROOT));
    }
}
