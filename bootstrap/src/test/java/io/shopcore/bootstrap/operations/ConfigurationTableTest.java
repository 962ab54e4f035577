package io.shopcore.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md has one configuration table for operators. Every {@code shopcore.*} key the code
 * reads (its @ConfigMapping interfaces, its @ConfigProperty injections) or application.properties sets
 * must have a row there, with the right environment variable; a new key without a row fails the build.
 */
class ConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`?([^|`]*)`?\\s*\\|");
    private static final Pattern CONFIG_PROPERTY =
            Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"(shopcore\\.[^\"]+)\"");

    @Test
    void everyShopcoreKey_hasARowWithItsEnvironmentVariable() throws IOException {
        Map<String, String> table = documentedKeys();
        Set<String> used = new TreeSet<>();
        used.addAll(propertiesKeys());
        used.addAll(mappingKeys());
        used.addAll(injectedKeys());
        assertThat(used)
                .as("keys found in the code")
                .contains(
                        "shopcore.auth.argon2.memory-kib",
                        "shopcore.stock.batch.max-size",
                        "shopcore.redis.failure-backoff");

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(table.keySet());
        assertThat(missing)
                .as("shopcore.* keys without a row in docs/operations.md (section Configuration)")
                .isEmpty();

        table.forEach((key, env) -> {
            if (key.startsWith("shopcore.")) {
                assertThat(env).as("environment variable of " + key).isEqualTo(envName(key));
            }
        });
    }

    /** Rows of the configuration table: key → environment variable. */
    static Map<String, String> documentedKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(root().resolve("docs/operations.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Configuration");
            }
            Matcher m = ROW.matcher(line);
            if (inSection && m.find()) {
                keys.put(m.group(1).trim(), m.group(2).trim());
            }
        }
        return keys;
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> propertiesKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(root().resolve("bootstrap/src/main/resources/application.properties"))) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#") || !l.contains("=")) {
                continue;
            }
            String key = l.substring(0, l.indexOf('=')).trim().replaceFirst("^%[a-z,-]+\\.", "");
            if (key.startsWith("shopcore.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> injectedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/main/java/")
                            && !p.toString().contains("/target/"))
                    .toList()) {
                Matcher m = CONFIG_PROPERTY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> mappingKeys() {
        Set<String> keys = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.shopcore")) {
            if (c.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> type = c.reflect();
                walk(type.getAnnotation(ConfigMapping.class).prefix(), type, keys);
            }
        }
        return keys;
    }

    private static void walk(String prefix, Class<?> group, Set<String> keys) {
        for (Method m : group.getMethods()) {
            if (m.getParameterCount() > 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = m.isAnnotationPresent(WithName.class)
                    ? m.getAnnotation(WithName.class).value()
                    : kebab(m.getName());
            String key = m.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name;
            Class<?> nested = groupType(m.getGenericReturnType());
            if (nested != null) {
                walk(key, nested, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The nested group interface a member returns (directly or in an Optional), or null for a leaf value. */
    private static Class<?> groupType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            type = p.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.shopcore") ? c : null;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static Path root() {
        return DeployedQueries.repoRoot();
    }
}
