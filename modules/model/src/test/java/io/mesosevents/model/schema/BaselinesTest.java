package io.mesosevents.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.model.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {

    @TempDir
    Path root;

    @Test
    void writtenBaselineLoadsBackAsTheSameSchemas() throws IOException {
        Baselines baselines = new Baselines(root);
        assertThat(baselines.versions()).isEmpty();

        baselines.write("1.0.0", Topic.valueSchemas());

        assertThat(baselines.versions()).containsExactly("1.0.0");
        assertThat(baselines.load("1.0.0")).isEqualTo(Map.copyOf(Topic.valueSchemas()));
        assertThat(Files.readString(root.resolve("1.0.0/state.apps.avsc")))
                .startsWith("{\n").contains("\"name\" : \"AppView\"");
    }

    @Test
    void releasedBaselineIsNeverOverwritten() throws IOException {
        Baselines baselines = new Baselines(root);
        baselines.write("1.0.0", Topic.valueSchemas());

        assertThatThrownBy(() -> baselines.write("1.0.0", Topic.valueSchemas()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("immutable");
    }

    @Test
    void versionMustBeAPlainDirectoryName() {
        assertThatThrownBy(() -> new Baselines(root).write("../1.0", Topic.valueSchemas()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
