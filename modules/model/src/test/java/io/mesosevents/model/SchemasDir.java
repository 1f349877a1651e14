package io.mesosevents.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** The top-level schemas/ directory, handed to the tests by surefire (see the module pom). */
public final class SchemasDir {

    private SchemasDir() {
    }

    public static Path get() {
        String dir = System.getProperty("schemas.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property schemas.dir must name the schemas/ directory, was " + dir);
        }
        return Path.of(dir);
    }
}
