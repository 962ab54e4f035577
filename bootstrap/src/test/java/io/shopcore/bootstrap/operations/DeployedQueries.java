package io.shopcore.bootstrap.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL expressions of the Grafana dashboard and the Prometheus rules, and the metric names they use. */
final class DeployedQueries {

    /** Metric names start with one of these prefixes; label names, functions and keywords never do. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:shopcore|http|jvm|agroal|redis|process|system|ft|jdbc|worker|vertx|netty)_[a-zA-Z0-9_]+|up(?=\\{))");

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    /** Recording rule names (level:metric:operations) are defined by the rules file itself. */
    private static final Pattern RECORDED = Pattern.compile("[a-zA-Z_]+:[a-zA-Z0-9_:]+");

    private DeployedQueries() {}

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/prometheus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "deploy/prometheus not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path rules() {
        return repoRoot().resolve("deploy/prometheus/shopcore-alerts.yml");
    }

    static Path dashboard() {
        return repoRoot().resolve("deploy/grafana/shopcore-dashboard.json");
    }

    static JsonNode rulesTree() {
        return readTree(new ObjectMapper(new YAMLFactory()), rules());
    }

    static JsonNode dashboardTree() {
        return readTree(new ObjectMapper(), dashboard());
    }

    /** Every expression: rule {@code expr}s and dashboard target {@code expr}s. */
    static List<String> expressions() {
        List<String> out = new ArrayList<>();
        for (JsonNode group : rulesTree().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                out.add(rule.path("expr").asText());
            }
        }
        dashboardTree()
                .findValues("targets")
                .forEach(targets -> targets.forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    /** Names defined by recording rules (queried by the dashboard and the alerts, not exported by the service). */
    static Set<String> recordingRules() {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rulesTree().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    names.add(rule.path("record").asText());
                }
            }
        }
        return names;
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            // Label values (route templates, states) are quoted and never metric names.
            String withoutLiterals =
                    RECORDED.matcher(QUOTED.matcher(expr).replaceAll("\"\"")).replaceAll(" ");
            Matcher m = METRIC.matcher(withoutLiterals);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
