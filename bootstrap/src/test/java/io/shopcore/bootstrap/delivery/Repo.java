package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository root and the external tools the delivery checks run (kubectl, nginx, systemd-analyze ...). */
final class Repo {

    static final Path ROOT = findRoot();

    private Repo() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under the root whose relative path matches the glob, ignoring build output and VCS folders. */
    static List<Path> files(String glob) {
        var matcher = ROOT.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString();
                        return !rel.contains("/target/") && !rel.startsWith("target/") && !rel.startsWith(".git");
                    })
                    .filter(p -> matcher.matches(ROOT.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails (never skips) when a tool is missing: .ci/run installs every one of them, so a missing tool on
     * a CI machine is a broken CI setup, not a reason to check less.
     */
    static void requireTool(String tool, String howToGetIt) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        boolean found =
                Stream.of(path.split(":")).anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            fail("'" + tool + "' is not installed, so this delivery check cannot run: " + howToGetIt);
        }
    }

    static Result run(Path workDir, String... command) {
        return run(workDir, List.of(command));
    }

    static Result run(Path workDir, List<String> command) {
        List<String> cmd = new ArrayList<>(command);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin");
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + stderr;
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with k8s/ and mvnw) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
