package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/warm-up.sh} and {@code k8s/rollout.sh warm} against a fake colour (a JDK HTTP server on
 * 127.0.0.1 answering like the catalog) and a fake kubectl (its port-forward only sleeps: the fake colour
 * already listens on the forwarded port). Proves what the rollout relies on: read-only GETs over every kind
 * of the mix, a non-zero exit on a 5xx or an unreachable colour, 0 seconds sending nothing, and no
 * port-forward left running afterwards.
 */
class WarmUpScriptTest {

    @TempDir
    Path tmp;

    private HttpServer colour;
    private ExecutorService threads;
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean stockFails;
    private boolean stopped;

    @BeforeEach
    void startFakeColour() throws IOException {
        Repo.requireTool("curl", "apt-get install curl");
        colour = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        threads = Executors.newFixedThreadPool(8);
        colour.setExecutor(threads);
        colour.createContext("/", this::answer);
        colour.start();
    }

    @AfterEach
    void stopFakeColour() {
        if (!stopped) {
            colour.stop(0);
        }
        threads.shutdownNow();
    }

    @Test
    void givenAHealthyColour_rolloutWarm_sendsOnlyReadsOfEveryKindAndStopsItsPortForward() throws IOException {
        Repo.Result r = rollout("warm", "2");

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.both()).contains("window  1", "warm-up passed");
        List<String> seen = List.copyOf(requests);
        assertThat(seen).allMatch(line -> line.startsWith("GET /api/v1/"), "GET only");
        assertThat(seen)
                .noneMatch(line -> line.contains("/auth/") || line.contains("/reservations"), "no login, no write");
        assertThat(seen)
                .anyMatch(line -> line.matches("GET /api/v1/products\\?page=\\d+&size=\\d+&sort=.*"))
                .anyMatch(line -> line.matches("GET /api/v1/products/\\d+"))
                .anyMatch(line -> line.matches("GET /api/v1/stock/\\d+"))
                .anyMatch(line -> line.equals("GET /api/v1/categories"))
                .anyMatch(line -> line.startsWith("GET /api/v1/search?q="));
        assertThat(seen.size()).isGreaterThan(100);
        String kubectl = Files.readString(tmp.resolve("kubectl.log"));
        assertThat(kubectl)
                .contains("port-forward --address 127.0.0.1 pod/shopcore-green-a "
                        + colour.getAddress().getPort() + ":http");
        assertThat(portForwardStillRunning()).as("port-forward left running").isFalse();
    }

    @Test
    void givenAColourAnswering5xx_rolloutWarm_failsSoTheReleaseStopsBeforeTheSwitch() throws IOException {
        stockFails = true;

        Repo.Result r = rollout("warm", "3");

        assertThat(r.exitCode()).as(r.both()).isNotZero();
        assertThat(r.both()).contains("5xx", "FAILED");
        assertThat(portForwardStillRunning()).as("port-forward left running").isFalse();
    }

    @Test
    void givenZeroSeconds_warmUp_sendsNothing() {
        Repo.Result r = Repo.run(Repo.ROOT, "bash", "deploy/warm-up.sh", base(), "0");

        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(requests).isEmpty();
    }

    @Test
    void givenNothingListening_warmUp_failsAsUnreachable() {
        int port = colour.getAddress().getPort();
        colour.stop(0);
        stopped = true;

        Repo.Result r = Repo.run(Repo.ROOT, "bash", "deploy/warm-up.sh", "http://127.0.0.1:" + port, "2");

        assertThat(r.exitCode()).as(r.both()).isEqualTo(1);
        assertThat(r.both()).contains("unreachable");
    }

    private String base() {
        return "http://127.0.0.1:" + colour.getAddress().getPort();
    }

    private Repo.Result rollout(String... args) throws IOException {
        Path kubectl = tmp.resolve("kubectl");
        Files.writeString(kubectl, """
                #!/usr/bin/env bash
                # fake kubectl: the live colour is blue, green has one pod, port-forward only waits
                echo "$*" >> "%1$s/kubectl.log"
                [ "$1" = --namespace ] && shift 2
                case "$1" in
                  get) case "$2" in service) printf blue ;; pods) printf 'shopcore-green-a\\n' ;; esac ;;
                  port-forward) echo $$ > "%1$s/port-forward.pid"; exec sleep 60 ;;
                esac
                """.formatted(tmp));
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of(
                "env",
                "KUBECTL=" + kubectl,
                "WARM_PORT=" + colour.getAddress().getPort(),
                "WARM_CONNECTIONS=4",
                "WARM_WINDOW_SECONDS=1",
                "bash",
                "k8s/rollout.sh"));
        cmd.addAll(List.of(args));
        return Repo.run(Repo.ROOT, cmd);
    }

    private boolean portForwardStillRunning() throws IOException {
        long pid =
                Long.parseLong(Files.readString(tmp.resolve("port-forward.pid")).trim());
        return ProcessHandle.of(pid).map(WarmUpScriptTest::aliveAfterGrace).orElse(false);
    }

    private static boolean aliveAfterGrace(ProcessHandle p) {
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return p.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return p.isAlive();
        }
    }

    /** Answers like the catalog: 250 products in 3 categories, their details, stock, categories, search. */
    private void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        int status = 200;
        String body;
        if (path.equals("/api/v1/health")) {
            body = "{\"status\":\"UP\"}";
        } else if (path.equals("/api/v1/products")) {
            int page = intParam(query, "page", 0);
            int size = intParam(query, "size", 20);
            String items = IntStream.rangeClosed(page * size + 1, Math.min(250, page * size + size))
                    .mapToObj(id ->
                            "{\"id\":%d,\"name\":\"삼성 Widget %d\",\"description\":\"d\",\"price\":1,".formatted(id, id)
                                    + "\"currency\":\"KRW\",\"category\":{\"id\":%d,\"name\":\"Cat\"},\"available\":3}"
                                            .formatted(1 + id % 3))
                    .collect(Collectors.joining(","));
            body = "{\"items\":[%s],\"page\":%d,\"size\":%d,\"total\":250,\"next\":null}".formatted(items, page, size);
        } else if (path.equals("/api/v1/categories")) {
            body = "[{\"id\":1,\"name\":\"A\"},{\"id\":2,\"name\":\"B\"},{\"id\":3,\"name\":\"C\"}]";
        } else if (path.startsWith("/api/v1/stock/")) {
            status = stockFails ? 500 : 200;
            body = "{\"productId\":1,\"total\":3,\"reserved\":0,\"available\":3}";
        } else if (path.startsWith("/api/v1/products/") || path.equals("/api/v1/search")) {
            body = "{\"items\":[]}";
        } else {
            status = 404;
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int intParam(String query, String name, int fallback) {
        if (query == null) {
            return fallback;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
