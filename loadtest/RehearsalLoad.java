/*
 * Blue-green rehearsal load (loadtest/rehearsal.sh): browse and reserve through nginx with the JDK's own
 * HTTP client, the way a real client behaves. Single-file program, no dependencies: run with a JDK 21+ as
 *
 *   TOKEN=... PRODUCTS=1,2,3 java -Djdk.httpclient.enableAllMethodRetry=true loadtest/RehearsalLoad.java \
 *       http://127.0.0.1:8080 <seconds> <connections> <label> [window-file]
 *
 * Mix: 20 % reservations (POST, each with its own Idempotency-Key), 30 % stock reads, 15 % product
 * details, 35 % product pages. One thread per connection, each sending its next request when the previous
 * one is answered (like wrk), over one shared java.net.http.HttpClient (HTTP/1.1, pooled keep-alive).
 *
 * Retry policy = the JDK client's own (jdk.internal.net.http.MultiExchange): a request sent on a pooled
 * keep-alive connection that fails before a single response byte arrived (EOF or reset: the server closed
 * the idle connection while the request was on the wire) is sent once more on a new connection. The JDK
 * does that for GET and HEAD by default; -Djdk.httpclient.enableAllMethodRetry=true extends it to POST,
 * which is safe here only because every reservation carries an Idempotency-Key (the service answers a
 * repeat with the original outcome and never reserves twice). Nothing else is retried: a second failure,
 * any non-2xx answer (except 409 insufficient_stock), a timeout (10 s) or a refused connection counts as a
 * failed request. Retries are counted from the client's own error log ("Succeeded on attempt: 2"), and the
 * causes of the expired pooled connections (ConnectionExpiredException, the JDK's marker for exactly this case)
 * are listed by root cause.
 *
 * Prints one line: RESULT requests=.. ok=.. out_of_stock=.. http_failures=.. socket_errors=.. retries=..
 * reserved_keys=.. replayed=.. p99_ms=.. [window_requests=.. p99_window_ms=..] ..., and writes the
 * Idempotency-Keys answered 201 to <label>.keys in the working directory (one per line) for the audit.
 * When window-file exists at the end (two epoch-millisecond numbers: from, to), the p99 of the requests
 * started inside that window is reported too (the script writes the switch window there).
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

public class RehearsalLoad {

    private static final AtomicLong RETRIES = new AtomicLong();
    private static final Map<String, AtomicLong> RETRY_CAUSES = new ConcurrentHashMap<>();
    // Kept strongly: java.util.logging holds loggers weakly, and the handler must outlive main's frame.
    private static Logger clientLog;

    /** One connection's counters and samples; merged after the run. */
    static final class Worker {
        long requests, ok, outOfStock, httpFailures, socketErrors, replayed;
        long[] startMs = new long[1 << 14];
        long[] latencyMicros = new long[1 << 14];
        int samples;
        final List<String> reservedKeys = new ArrayList<>();
        final Map<String, Integer> failureKinds = new java.util.TreeMap<>();

        void sample(long start, long micros) {
            if (samples == latencyMicros.length) {
                startMs = Arrays.copyOf(startMs, samples * 2);
                latencyMicros = Arrays.copyOf(latencyMicros, samples * 2);
            }
            startMs[samples] = start;
            latencyMicros[samples++] = micros;
        }

        void fail(String kind) {
            failureKinds.merge(kind, 1, Integer::sum);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--self-test")) {
            selfTest();
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: RehearsalLoad <base-url> <seconds> <connections> <label> [window-file]");
            System.exit(2);
        }
        String base = args[0];
        long seconds = Long.parseLong(args[1]);
        int connections = Integer.parseInt(args[2]);
        String label = args[3];
        Path windowFile = args.length > 4 ? Path.of(args[4]) : null;
        String token = System.getenv().getOrDefault("TOKEN", "");
        long[] products = Arrays.stream(System.getenv().getOrDefault("PRODUCTS", "").split(","))
                .filter(s -> !s.isBlank()).mapToLong(Long::parseLong).toArray();
        int reservePercent = Integer.parseInt(System.getenv().getOrDefault("RESERVE_PERCENT", "20"));
        if (products.length == 0) {
            System.err.println("PRODUCTS is empty");
            System.exit(2);
        }

        countClientRetries();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String keyPrefix = label + "-" + UUID.randomUUID() + "-";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long runStart = System.nanoTime();
        Worker[] workers = new Worker[connections];
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            Worker w = workers[c] = new Worker();
            int conn = c;
            threads[c] = Thread.ofPlatform().name("load-" + c).start(() -> {
                long seq = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    long id = products[random.nextInt(products.length)];
                    int roll = random.nextInt(1, 101);
                    HttpRequest.Builder b;
                    String key = null;
                    if (roll <= reservePercent) {
                        key = keyPrefix + conn + "-" + seq++;
                        b = HttpRequest.newBuilder(URI.create(base + "/api/v1/stock/" + id + "/reservations"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"));
                    } else if (roll <= reservePercent + 30) {
                        b = HttpRequest.newBuilder(URI.create(base + "/api/v1/stock/" + id));
                    } else if (roll <= reservePercent + 45) {
                        b = HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + id));
                    } else {
                        b = HttpRequest.newBuilder(URI.create(
                                base + "/api/v1/products?page=" + random.nextInt(50) + "&size=20"));
                    }
                    HttpRequest request = b.timeout(Duration.ofSeconds(10)).build();
                    long startMs = System.currentTimeMillis();
                    long t0 = System.nanoTime();
                    w.requests++;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        w.sample(startMs, (System.nanoTime() - t0) / 1000);
                        int status = response.statusCode();
                        if (status >= 200 && status < 300) {
                            w.ok++;
                            if (key != null && status == 201) {
                                w.reservedKeys.add(key);
                                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                                    w.replayed++;
                                }
                            }
                        } else if (status == 409 && response.body().contains("insufficient_stock")) {
                            w.outOfStock++;
                        } else {
                            w.httpFailures++;
                            w.fail(request.method() + "-" + status);
                        }
                    } catch (HttpTimeoutException e) {
                        w.sample(startMs, (System.nanoTime() - t0) / 1000);
                        w.socketErrors++;
                        w.fail(request.method() + "-timeout");
                    } catch (IOException e) {
                        w.sample(startMs, (System.nanoTime() - t0) / 1000);
                        w.socketErrors++;
                        w.fail(request.method() + "-" + e.getClass().getSimpleName());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double durationS = (System.nanoTime() - runStart) / 1e9;

        long requests = 0, ok = 0, oos = 0, httpFailures = 0, socketErrors = 0, replayed = 0;
        int n = 0;
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (Worker w : workers) {
            requests += w.requests;
            ok += w.ok;
            oos += w.outOfStock;
            httpFailures += w.httpFailures;
            socketErrors += w.socketErrors;
            replayed += w.replayed;
            n += w.samples;
            keys.addAll(w.reservedKeys);
            w.failureKinds.forEach((k, v) -> kinds.merge(k, v, Integer::sum));
        }
        long[] all = new long[n];
        int i = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencyMicros, 0, all, i, w.samples);
            i += w.samples;
        }
        Arrays.sort(all);
        Files.write(Path.of(label + ".keys"), keys);
        long distinct = keys.stream().distinct().count();

        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT,
                "RESULT requests=%d ok=%d out_of_stock=%d http_failures=%d socket_errors=%d retries=%d"
                        + " reserved_keys=%d distinct_keys=%d replayed=%d duration_s=%.1f rps=%.0f"
                        + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                requests, ok, oos, httpFailures, socketErrors, RETRIES.get(), keys.size(), distinct, replayed,
                durationS, requests / durationS, pct(all, 50), pct(all, 90), pct(all, 99),
                n == 0 ? 0 : all[n - 1] / 1000.0));
        if (windowFile != null && Files.exists(windowFile)) {
            String[] window = Files.readString(windowFile).trim().split("\\s+");
            long from = Long.parseLong(window[0]);
            long to = Long.parseLong(window[1]);
            long[] in = new long[n];
            int m = 0;
            for (Worker w : workers) {
                for (int s = 0; s < w.samples; s++) {
                    if (w.startMs[s] >= from && w.startMs[s] <= to) {
                        in[m++] = w.latencyMicros[s];
                    }
                }
            }
            in = Arrays.copyOf(in, m);
            Arrays.sort(in);
            out.append(String.format(java.util.Locale.ROOT, " window_requests=%d p99_window_ms=%.1f max_window_ms=%.1f",
                    m, pct(in, 99), m == 0 ? 0 : in[m - 1] / 1000.0));
        }
        out.append(" failures=").append(kinds.toString().replace(" ", ""));
        out.append(" expired_connections=").append(new java.util.TreeMap<>(RETRY_CAUSES).toString().replace(" ", ""));
        System.out.println(out);
    }

    /**
     * Proves the retry policy and its counting before the rehearsal relies on them: a local server that answers
     * the first request on each connection and closes the connection when the next one arrives (the keep-alive
     * race, every time). Three reservations in a row on one connection slot: each after the first meets a dead
     * pooled connection, must be sent again on a new one and answered, and must be counted as one retry.
     */
    private static void selfTest() throws Exception {
        countClientRetries();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket socket = server.accept();
                        Thread.ofPlatform().daemon().start(() -> serveOnceThenClose(socket));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/stock/1/reservations");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Idempotency-Key", "self-test-" + i)
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("self-test: status " + r.statusCode());
                }
            }
        }
        if (RETRIES.get() != 2) {
            System.out.println("SELFTEST failed: expected 2 retries, counted " + RETRIES.get() + " " + RETRY_CAUSES);
            System.exit(1);
        }
        System.out.println("SELFTEST ok: 3 reservations answered, 2 sent again after a closed keep-alive connection "
                + new java.util.TreeMap<>(RETRY_CAUSES));
    }

    private static void serveOnceThenClose(java.net.Socket socket) {
        try (socket) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            if (!readRequest(in)) {
                return;
            }
            byte[] body = "{\"id\":\"self-test\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            socket.getOutputStream().write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            readRequest(in); // the next request on this kept-alive connection arrives, and is never answered
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    private static boolean readRequest(java.io.BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return false;
        }
        int length = 0;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        return true;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1000.0;
    }

    /**
     * With -Djdk.httpclient.HttpClient.log=errors the JDK client logs "HTTP/1 read subscriber recorded error"
     * for a read error; a ConnectionExpiredException there marks an error on a pooled connection before any
     * response byte (the case MultiExchange may send again), and "Succeeded on attempt: N" marks a request
     * that was answered on its N-th attempt. Retries = the latter (a retry that failed too is a failed request).
     */
    private static void countClientRetries() {
        clientLog = Logger.getLogger("jdk.httpclient.HttpClient");
        clientLog.setUseParentHandlers(false);
        clientLog.setLevel(Level.ALL);
        clientLog.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message == null) {
                    return;
                }
                if (message.startsWith("ERROR: Succeeded on attempt:")) {
                    RETRIES.incrementAndGet();
                    return;
                }
                if (!message.startsWith("ERROR: HTTP/1 read subscriber recorded error") || record.getParameters() == null) {
                    return;
                }
                for (Object p : record.getParameters()) {
                    if (p instanceof Throwable t && t.getClass().getSimpleName().equals("ConnectionExpiredException")) {
                        Throwable cause = t;
                        while (cause.getCause() != null) {
                            cause = cause.getCause();
                        }
                        String why = cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ":" + cause.getMessage().replaceAll("\\W+", "_"));
                        RETRY_CAUSES.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }
}
