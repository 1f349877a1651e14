package io.mesosevents.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.SchemasDir;
import io.mesosevents.model.Topic;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The release gate: the current schemas must read everything written with any released schema.
 *
 * <p>At release time, record the released schemas as a new baseline with
 * {@code mvn -pl modules/model test -Dschemas.baseline=<version>} and commit
 * {@code schemas/baselines/<version>/}.
 */
class CompatibilityGuardTest {

    private final Baselines baselines = new Baselines(SchemasDir.get().resolve("baselines"));

    @Test
    void currentSchemasReadDataWrittenWithEveryReleasedBaseline() throws IOException {
        assertThat(baselines.versions()).contains("0.1.0");

        List<Incompatibility> found = new CompatibilityGuard(baselines).check(Topic.valueSchemas());

        assertThat(found).withFailMessage(() -> "incompatible schema changes (add a default, or revert):\n"
                + found.stream().map(Incompatibility::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    @EnabledIfSystemProperty(named = "schemas.baseline", matches = ".+")
    void cutBaselineForRelease() throws IOException {
        String version = System.getProperty("schemas.baseline");

        baselines.write(version, Topic.valueSchemas());

        assertThat(baselines.load(version)).containsOnlyKeys(Topic.valueSchemas().keySet());
    }
}
