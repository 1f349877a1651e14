package io.mesosevents.model.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.SchemasDir;
import io.mesosevents.model.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDocRendererTest {

    private static final List<Topic> TOPICS = List.of(Topic.values());

    /** Rewrites schemas/README.md first when run with -Dschemas.update=true. */
    @Test
    void committedReadmeMatchesTheSchemas() throws IOException {
        Path readme = SchemasDir.get().resolve("README.md");
        String rendered = SchemaDocRenderer.render(TOPICS);
        if (Boolean.getBoolean("schemas.update")) {
            Files.writeString(readme, rendered, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";

        assertThat(committed)
                .withFailMessage("schemas/README.md is stale: run `mvn -pl modules/model test -Dschemas.update=true`")
                .isEqualTo(rendered);
    }

    @Test
    void rendersEveryTopicAndEachTypeOnce() {
        String md = SchemaDocRenderer.render(TOPICS);

        for (Topic topic : TOPICS) {
            assertThat(md).contains("\n### " + topic.defaultName() + "\n", "subject `" + topic.valueSubject("") + "`");
        }
        // Resource is used by tasks, agents and state tables but described once.
        assertThat(md.split("\n### record Resource\n", -1)).hasSize(2);
        assertThat(md).contains("| `reason` | optional string | `null` | Name of the Mesos TaskStatus.Reason");
        assertThat(md).contains("| `kind` | [EventKind](#io.mesosevents.model.common.EventKind) | `\"UNKNOWN\"` |");
    }
}
