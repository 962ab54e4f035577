package io.shopcore.bootstrap.delivery;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bootstrap's application.properties as the prod profile sees it (a %prod key wins over the plain key). */
final class AppProperties {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([KMG])?");

    private final Properties props = new Properties();

    private AppProperties(String text) {
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppProperties prod() {
        return new AppProperties(Repo.read("bootstrap/src/main/resources/application.properties"));
    }

    String get(String key) {
        String value = props.getProperty("%prod." + key, props.getProperty(key));
        if (value == null) {
            throw new IllegalStateException(key + " is not set in application.properties (prod profile)");
        }
        return value.trim();
    }

    Duration duration(String key) {
        return parseDuration(get(key));
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Bytes of a memory size in Quarkus' notation (64K, 10M); nginx uses the same letters for KiB/MiB. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2) == null
                ? n
                : switch (m.group(2)) {
                    case "K" -> n * 1024;
                    case "M" -> n * 1024 * 1024;
                    default -> n * 1024 * 1024 * 1024;
                };
    }

    /** Drain budget of one instance after SIGTERM: shutdown delay (readiness DOWN, still serving) + in-flight timeout. */
    Duration drain() {
        return duration("quarkus.shutdown.delay").plus(duration("quarkus.shutdown.timeout"));
    }
}
