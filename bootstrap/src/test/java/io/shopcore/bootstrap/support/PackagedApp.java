package io.shopcore.bootstrap.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (bootstrap/target/quarkus-app/quarkus-run.jar, or the native executable with -Pnative;
 * prod profile) as a process of its own, for tests that need what {@code @QuarkusIntegrationTest} cannot do: kill it with SIGKILL, restart it, or run two
 * of it side by side. Listens on 127.0.0.1 only, on free ports (API and management interface); settings go in
 * as system properties (they win over the environment); its output goes to target/packaged-app/NAME.log. Run
 * from failsafe ({@code *IT}), after {@code package}.
 */
public final class PackagedApp implements AutoCloseable {

    /** Written by the Quarkus build: what was packaged (jar or native) and where. */
    private static final Path ARTIFACT = Path.of("target", "quarkus-artifact.properties");

    private static final Path LOGS = Path.of("target", "packaged-app");

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PackagedApp(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the packaged app with {@code settings} (e.g. {@link ProdServices#settings}); {@link #awaitReady} next. */
    public static PackagedApp start(String name, Map<String, String> settings) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        Path artifact = artifact();
        if (artifact.toString().endsWith(".jar")) {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xms64m");
            command.add("-Xmx384m");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
        } else {
            command.add(artifact.toString()); // the native executable (-Pnative) takes the same -D settings
        }
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        // the JSON console format of prod is meant for log shippers; people read these files
        command.add("-Dquarkus.log.console.json.enabled=false");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (artifact.toString().endsWith(".jar")) {
            command.add("-jar");
            command.add(artifact.toString());
        }
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log").toAbsolutePath();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PackagedApp(name, process, port, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the packaged app " + name, e);
        }
    }

    /** Waits until readiness answers 200 (migrations run, admin created); fails at once if the process exits. */
    public PackagedApp awaitReady(Duration atMost) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            await(name + " ready")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(() -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        } catch (RuntimeException e) {
            String state = process.isAlive() ? "still not ready" : "exited with " + process.exitValue();
            throw new IllegalStateException(name + " " + state + "; its log ends with:\n" + logTail(), e);
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** The API port (base URL {@link #baseUri()}). */
    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} is {@code kill -9}): no shutdown hook, no drain. Returns the exit code. */
    public int kill() {
        process.destroyForcibly();
        return waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the graceful shutdown; SIGKILL if it has not ended after {@code atMost}. Returns the exit code. */
    public int stop(Duration atMost) {
        process.destroy();
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                return kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kill();
        }
        return process.exitValue();
    }

    /** The last lines of the process's output (for failure messages). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int waitForExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + atMost);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
        return process.exitValue();
    }

    /** The jar (target/quarkus-app/quarkus-run.jar) or, with -Pnative, the native executable. */
    private static Path artifact() {
        Properties built = new Properties();
        try (Reader in = Files.newBufferedReader(ARTIFACT)) {
            built.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "nothing packaged (" + ARTIFACT.toAbsolutePath() + "): run through failsafe, after package", e);
        }
        Path path = ARTIFACT.toAbsolutePath().getParent().resolve(built.getProperty("path", ""));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the packaged app " + path + " is missing");
        }
        return path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
