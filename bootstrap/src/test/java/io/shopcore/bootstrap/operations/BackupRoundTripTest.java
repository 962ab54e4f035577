package io.shopcore.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.shopcore.bootstrap.support.TestUsers;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * deploy/backup round trip on a populated database: the instance loads the demo catalog into its own
 * database and takes a few reservations; backup.sh archives it, restore.sh --recreate drops the
 * database and restores the archive, and verify.sh must report the same row count for every table and a
 * clean stock audit. The archive size and the times are written to target/backup-roundtrip.txt.
 */
@QuarkusTest
@TestProfile(BackupSourceProfile.class)
@EnabledIf("toolsAvailable")
class BackupRoundTripTest {

    private static final Path SCRIPTS = DeployedQueries.repoRoot().resolve("deploy/backup");

    /** Needs the local PostgreSQL and its client tools; under CI=true it always runs (and fails loudly if they lack). */
    static boolean toolsAvailable() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(BackupSourceProfile.HOST, BackupSourceProfile.PORT), 500);
        } catch (IOException e) {
            return false;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "pg_dump")) && Files.isExecutable(Path.of(dir, "pg_restore"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void populatedDatabase_survivesBackupDropAndRestore() throws Exception {
        given().get("/api/v1/products?size=1").then().statusCode(200);
        String token =
                TestUsers.customerToken("backup" + UUID.randomUUID().toString().substring(0, 8));
        List<String> held = new ArrayList<>();
        for (long productId = 1; productId <= 5; productId++) {
            long id = given().get("/api/v1/products?page=" + (productId - 1) + "&size=1")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getLong("items[0].id");
            held.add(given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("quantity", 1))
                    .post("/api/v1/stock/" + id + "/reservations")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        given().auth()
                .oauth2(token)
                .post("/api/v1/reservations/" + held.getFirst() + "/confirm")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .post("/api/v1/reservations/" + held.get(1) + "/release")
                .then()
                .statusCode(200);

        Path archive = Files.createTempDirectory("shopcore-backup").resolve("shopcore.dump");
        String backup = run("backup.sh", archive.toString());
        String before = run("verify.sh");
        String restore = run("restore.sh", archive.toString(), BackupSourceProfile.DATABASE, "--recreate");
        String after = run("verify.sh");

        assertThat(before).contains("audit\tOK\t").contains("rows\tcatalog.products\t");
        assertThat(after).isEqualTo(before);
        assertThat(count(after, "catalog.products")).isGreaterThanOrEqualTo(1000);
        assertThat(count(after, "stock.reservation")).isGreaterThanOrEqualTo(5);
        assertThat(count(after, "public.flyway_schema_history")).isGreaterThan(0);

        Map<String, String> b = summary(backup);
        Map<String, String> r = summary(restore);
        String figures = "archive bytes=" + b.get("bytes") + " backup ms=" + b.get("millis") + " restore ms="
                + r.get("millis") + " products=" + count(after, "catalog.products") + "\n" + after;
        Files.writeString(Path.of("target/backup-roundtrip.txt"), figures);
        System.out.println("[backup round trip] " + figures.lines().findFirst().orElse(""));
    }

    private static long count(String verify, String table) {
        return verify.lines()
                .filter(l -> l.startsWith("rows\t" + table + "\t"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf('\t') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static Map<String, String> summary(String output) {
        Map<String, String> values = new HashMap<>();
        String last = output.lines().reduce((a, b2) -> b2).orElse("");
        for (String pair : last.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    private static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PGHOST", BackupSourceProfile.HOST);
        pb.environment().put("PGPORT", String.valueOf(BackupSourceProfile.PORT));
        pb.environment().put("PGUSER", BackupSourceProfile.USER);
        pb.environment().put("PGDATABASE", BackupSourceProfile.DATABASE);
        Path err = Files.createTempFile("backup-script", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(script + " finished").isTrue();
        assertThat(p.exitValue())
                .as(script + " failed: " + out + Files.readString(err))
                .isZero();
        return out;
    }
}
