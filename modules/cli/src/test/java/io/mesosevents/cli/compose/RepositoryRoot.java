package io.mesosevents.cli.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: where docker-compose.yml, the Dockerfile and the parent POM live. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** Walks up from the working directory (Maven runs a module's tests in the module) to the parent POM. */
    static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("modules/cli/pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No mesos-events checkout above " + Path.of("").toAbsolutePath());
    }
}
