package io.mesosevents.cli.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's top directory. Surefire runs in the module directory, an IDE often in the
 * checkout or elsewhere, so the root is found by walking up to the directory that holds both
 * {@code schemas/} and {@code modules/}.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("schemas")) && Files.isDirectory(dir.resolve("modules"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with schemas/ and modules/ at or above " + start);
    }
}
