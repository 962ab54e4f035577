package io.shopcore.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The after-run checks of a simulation (invariants, counts). Printed loudly and written to the file named
 * by {@code -DverdictFile}, whose last line is {@code RESULT PASS} or {@code RESULT FAIL}: run.sh fails the
 * run unless it reads PASS, so a violation (or a hook that never ran) cannot pass unnoticed.
 */
public final class Verdict {

    private final String simulation;
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    public Verdict(String simulation) {
        this.simulation = simulation;
    }

    public Verdict info(String text) {
        lines.add("INFO " + text);
        return this;
    }

    public Verdict check(boolean ok, String text) {
        lines.add((ok ? "PASS " : "FAIL ") + text);
        failed |= !ok;
        return this;
    }

    public Verdict fail(String text) {
        return check(false, text);
    }

    public boolean passed() {
        return !failed;
    }

    public void write(String file) {
        lines.add("RESULT " + (failed ? "FAIL" : "PASS"));
        String banner = failed ? "!!!!!!!! " + simulation + ": INVARIANT CHECK FAILED !!!!!!!!" : simulation + ": checks passed";
        System.out.println();
        System.out.println(banner);
        lines.forEach(l -> System.out.println("  " + l));
        System.out.println();
        if (!file.isBlank()) {
            try {
                Path path = Path.of(file);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.write(path, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the verdict to " + file, e);
            }
        }
    }
}
