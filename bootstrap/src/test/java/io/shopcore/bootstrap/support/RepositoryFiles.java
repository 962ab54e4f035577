package io.shopcore.bootstrap.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (docs, manifests) from a test, whichever module directory it runs in. */
public final class RepositoryFiles {

    private RepositoryFiles() {}

    /** {@code relative} resolved against the nearest ancestor of the working directory that has it. */
    public static Path find(String relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + start);
    }
}
