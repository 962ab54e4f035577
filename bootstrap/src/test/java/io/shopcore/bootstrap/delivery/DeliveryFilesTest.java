package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/: the systemd units ({@code systemd-analyze verify}), the nginx configuration ({@code nginx -t} against a
 * temporary prefix), the Compose stack ({@code docker-compose config}) and every shell script (shellcheck), plus
 * the timing and size rules that tie them to application.properties. A missing tool fails the test: .ci/run
 * installs them.
 */
class DeliveryFilesTest {

    private static final AppProperties APP = AppProperties.prod();

    @ParameterizedTest
    @ValueSource(strings = {"shopcore@.service", "shopcore-jvm@.service"})
    void systemdUnit_verifiesCleanly(String unit, @TempDir Path tmp) throws IOException {
        Repo.requireTool("systemd-analyze", "apt-get install systemd");
        // verify checks that ExecStart's binary exists: point the unit's paths into a scratch root with stubs.
        String text = Repo.read("deploy/systemd/" + unit);
        String relocated =
                text.replace("/opt/shopcore", tmp + "/opt/shopcore").replace("/usr/lib/jvm", tmp + "/usr/lib/jvm");
        Files.writeString(tmp.resolve(unit), relocated);
        Matcher exec = Pattern.compile("(?m)^ExecStart=(\\S+)").matcher(relocated);
        assertThat(exec.find()).isTrue();
        Path binary = Path.of(exec.group(1).replace("%i", "blue"));
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));

        Repo.Result r = Repo.run(
                tmp,
                "systemd-analyze",
                "verify",
                tmp.resolve(unit.replace("@.", "@blue.")).toString());
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.both().lines().filter(l -> !l.isBlank()).toList())
                .as("warnings are errors")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shopcore@.service", "shopcore-jvm@.service"})
    void systemdUnit_isHardened_andStopsAfterTheDrain(String unit) {
        Map<String, String> keys = unitKeys(Repo.read("deploy/systemd/" + unit));
        assertThat(keys)
                .containsEntry("Restart", "on-failure")
                .containsEntry("NoNewPrivileges", "yes")
                .containsEntry("ProtectSystem", "strict")
                .containsEntry("ProtectHome", "yes")
                .containsEntry("PrivateTmp", "yes")
                .containsKeys("User", "EnvironmentFile", "LimitNOFILE", "MemoryMax");
        assertThat(keys.get("User")).isNotIn("root", "0");
        assertThat(AppProperties.parseDuration(keys.get("TimeoutStopSec"))).isGreaterThan(APP.drain());
    }

    @Test
    void nginxConfig_passesNginxTest(@TempDir Path prefix) throws IOException {
        Repo.requireTool("nginx", "apt-get install nginx (.ci/run does)");
        Path conf = Files.createDirectories(prefix.resolve("conf/shopcore"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        // The real file, only with the privileged listen port swapped (nginx -t does not bind; this keeps it
        // root-free).
        Files.writeString(
                prefix.resolve("conf/shopcore.conf"),
                Repo.read("deploy/nginx/shopcore.conf").replace("listen 80;", "listen 127.0.0.1:18099;"));
        Files.writeString(conf.resolve("live.conf"), Repo.read("deploy/nginx/shopcore/live.conf"));
        Files.writeString(prefix.resolve("conf/nginx.conf"), wrapper(prefix));

        Repo.Result r = Repo.run(
                prefix,
                "nginx",
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("conf/nginx.conf").toString(),
                "-t");
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.stderr()).contains("test is successful").doesNotContain("[warn]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/nginx/shopcore.conf", "deploy/compose/nginx/shopcore.conf"})
    void nginxLimits_agreeWithTheService(String file) {
        String conf = Repo.read(file);
        long bodyLimit = AppProperties.parseSize(APP.get("quarkus.http.limits.max-body-size"));
        assertThat(directives(conf, "client_max_body_size"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(AppProperties.parseSize(v)).isEqualTo(bodyLimit));
        Duration jdbcSocket = Duration.ofSeconds(
                Long.parseLong(APP.get("quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout")));
        assertThat(directives(conf, "proxy_read_timeout"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(AppProperties.parseDuration(v))
                        .isGreaterThan(APP.drain())
                        .isGreaterThan(jdbcSocket));
        assertThat(directives(conf, "proxy_connect_timeout"))
                .isNotEmpty()
                .allSatisfy(
                        v -> assertThat(AppProperties.parseDuration(v)).isLessThanOrEqualTo(Duration.ofSeconds(75)));
        assertThat(conf)
                .contains(
                        "proxy_set_header X-Forwarded-For $remote_addr;",
                        "proxy_set_header X-Forwarded-Proto $scheme;",
                        "keepalive 32;",
                        "proxy_http_version 1.1;",
                        "proxy_set_header Connection \"\";");
        assertThat(conf).containsPattern("location = /api/v1/health \\{\\s*access_log off;");
        assertThat(conf).contains("upstream shopcore_blue", "upstream shopcore_green");
    }

    @Test
    void composeNginx_hasTheSameDirectivesAsTheHostOne() {
        String host = Repo.read("deploy/nginx/shopcore.conf");
        String compose = Repo.read("deploy/compose/nginx/shopcore.conf");
        for (String d : List.of(
                "client_max_body_size",
                "proxy_read_timeout",
                "proxy_send_timeout",
                "proxy_connect_timeout",
                "keepalive",
                "keepalive_timeout",
                "client_body_timeout",
                "send_timeout")) {
            assertThat(directives(compose, d)).as(d).isEqualTo(directives(host, d));
        }
    }

    @Test
    void composeFile_isValid(@TempDir Path tmp) throws IOException {
        Repo.requireTool("docker-compose", "apt-get install docker-compose (.ci/run does)");
        Path dir = Repo.path("deploy/compose");
        Files.copy(dir.resolve("docker-compose.yml"), tmp.resolve("docker-compose.yml"));
        Files.createDirectories(tmp.resolve("nginx"));
        Files.createDirectories(tmp.resolve("secrets"));
        for (String secret : List.of("db-password", "jwt-public.pem", "jwt-private.pem", "shopcore.env")) {
            Files.writeString(
                    tmp.resolve("secrets").resolve(secret), ""); // placeholders: init-secrets.sh makes the real ones
        }
        Repo.Result r = Repo.run(tmp, "docker-compose", "-f", "docker-compose.yml", "config");
        assertThat(r.exitCode()).as(r.both()).isZero();
        String resolved = r.stdout();
        assertThat(resolved).contains("shopcore-blue:", "shopcore-green:", "postgres:", "redis:", "nginx:");
        // Both colours get the same settings; each service has a health check; stop waits for the drain.
        Matcher grace = Pattern.compile("stop_grace_period: (\\S+)").matcher(resolved);
        int colours = 0;
        while (grace.find()) {
            colours++;
            assertThat(AppProperties.parseDuration(grace.group(1))).isGreaterThan(APP.drain());
        }
        assertThat(colours).isEqualTo(2);
        assertThat(Pattern.compile("healthcheck:").matcher(resolved).results().count())
                .isEqualTo(5);
        assertThat(resolved).doesNotContain("PASSWORD: ");
    }

    @Test
    void shellScripts_passShellcheck() {
        Repo.requireTool("shellcheck", "apt-get install shellcheck (.ci/run does)");
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "-S", "info"));
        List<Path> scripts = new ArrayList<>(Repo.files("k8s/*.sh"));
        scripts.addAll(Repo.files("deploy/*.sh")); // "deploy/**/*.sh" needs a directory below deploy/
        scripts.addAll(Repo.files("deploy/**/*.sh"));
        scripts.addAll(Repo.files("loadtest/*.sh"));
        scripts.addAll(Repo.files("docs/**/*.sh"));
        scripts.addAll(Repo.files("*.sh"));
        assertThat(scripts)
                .extracting(p -> Repo.ROOT.relativize(p).toString())
                .contains(
                        "run-dev.sh",
                        "k8s/rollout.sh",
                        "deploy/warm-up.sh",
                        "deploy/nginx/switch.sh",
                        "deploy/compose/switch.sh",
                        "loadtest/rehearsal.sh",
                        "loadtest/sizing-sweep.sh",
                        "docs/performance/plot-sizing.sh");
        scripts.forEach(p -> cmd.add(p.toString()));
        Repo.Result r = Repo.run(Repo.ROOT, cmd);
        assertThat(r.exitCode()).as(r.both()).isZero();
    }

    private static String wrapper(Path prefix) {
        String tmp = prefix.resolve("tmp").toString();
        return """
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log;
                events {}
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %2$s; proxy_temp_path %2$s; fastcgi_temp_path %2$s; uwsgi_temp_path %2$s; scgi_temp_path %2$s;
                    include shopcore.conf;
                }
                """.formatted(prefix, tmp);
    }

    private static List<String> directives(String conf, String name) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+([^;]+);")
                .matcher(conf)
                .results()
                .map(m -> m.group(1).trim())
                .toList();
    }

    private static Map<String, String> unitKeys(String unit) {
        Map<String, String> keys = new LinkedHashMap<>();
        unit.lines()
                .map(String::trim)
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .forEach(l -> keys.putIfAbsent(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return keys;
    }
}
