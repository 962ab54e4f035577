package io.shopcore.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules pass {@code promtool check rules} and their unit tests ({@code promtool test rules}),
 * and the dashboard is well-formed. promtool comes from Debian's {@code prometheus} package, which
 * .ci/run installs; on a developer machine without it the promtool checks are skipped, under CI=true
 * they fail.
 */
class PrometheusRulesTest {

    @Test
    void rules_passPromtoolCheck() throws Exception {
        String out = promtool("check", "rules", DeployedQueries.rules().toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void rules_passTheirUnitTests() throws Exception {
        Path tests = DeployedQueries.rules().resolveSibling("shopcore-alerts.test.yml");
        String out = promtool("test", "rules", tests.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlert_hasSeverityAndSummary_andPagesHaveRunbooks() {
        List<String> problems = new ArrayList<>();
        for (JsonNode group : DeployedQueries.rulesTree().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.has("alert")) {
                    continue;
                }
                String name = rule.path("alert").asText();
                String severity = rule.path("labels").path("severity").asText();
                if (!severity.equals("page") && !severity.equals("ticket")) {
                    problems.add(name + ": severity must be page or ticket");
                }
                if (rule.path("annotations").path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                String runbook = rule.path("annotations").path("runbook").asText();
                if (severity.equals("page") && !runbook.startsWith("docs/operations.md#")) {
                    problems.add(name + ": a paging alert needs a runbook link");
                }
                if (!runbook.isEmpty()) {
                    String anchor = runbook.substring(runbook.indexOf('#') + 1).split(" ")[0];
                    if (!DeployedQueries.read(DeployedQueries.repoRoot().resolve("docs/operations.md"))
                            .contains("<a id=\"" + anchor + "\"></a>")) {
                        problems.add(name + ": runbook anchor " + anchor + " missing in docs/operations.md");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void dashboard_isWellFormed() {
        JsonNode dashboard = DeployedQueries.dashboardTree();
        assertThat(dashboard.path("uid").asText()).isEqualTo("shopcore-overview");
        Set<Integer> ids = new HashSet<>();
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("unique panel id %s", panel.path("id"))
                    .isTrue();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText())
                        .as(panel.path("title").asText())
                        .isNotBlank();
                targets++;
            }
        }
        assertThat(targets).isGreaterThan(20);
    }

    @Test
    void recordingRulesUsedByTheDashboard_areDefined() {
        java.util.regex.Pattern recorded = java.util.regex.Pattern.compile("shopcore:[a-z0-9_:]+");
        Set<String> used = new java.util.TreeSet<>();
        DeployedQueries.dashboardTree().findValues("expr").forEach(e -> {
            java.util.regex.Matcher m = recorded.matcher(e.asText());
            while (m.find()) {
                used.add(m.group());
            }
        });
        assertThat(used).isNotEmpty();
        assertThat(DeployedQueries.recordingRules()).containsAll(used);
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        String promtool = findPromtool();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (promtool == null) {
            if (ci) {
                throw new AssertionError("promtool is missing: .ci/run installs Debian's prometheus package");
            }
            assumeTrue(false, "promtool not installed (apt-get install prometheus); checked under CI=true");
        }
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(DeployedQueries.rules().getParent().toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
