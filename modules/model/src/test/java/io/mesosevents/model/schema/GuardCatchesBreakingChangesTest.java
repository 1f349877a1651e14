package io.mesosevents.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.SchemasDir;
import io.mesosevents.model.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the guard catches real mistakes: each test edits a copy of the .avdl files the way a
 * developer would, and checks the result against the released 0.1.0 baseline.
 */
class GuardCatchesBreakingChangesTest {

    private final CompatibilityGuard guard = new CompatibilityGuard(new Baselines(SchemasDir.get().resolve("baselines")));

    @TempDir
    Path copy;

    @Test
    void requiredFieldWithoutDefault() throws IOException {
        Schema edited = edit("mesos.avdl", "record MesosAgentEvent {\n",
                "record MesosAgentEvent {\n  /** Rack of the agent. */\n  string rack;\n",
                "io.mesosevents.model.mesos.MesosAgentEvent");

        List<Incompatibility> found = guard.check(replacing(Topic.MESOS_AGENT_EVENTS, edited));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.topic()).isEqualTo("mesos.agent-events");
            assertThat(i.baselineVersion()).isEqualTo("0.1.0");
            assertThat(i.fieldPath()).isEqualTo("MesosAgentEvent.rack");
            assertThat(i.type()).isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE");
            assertThat(i.location()).isEqualTo("/fields/0");
        });
    }

    @Test
    void typeChangeInsideAnOptionalRecordIsNamedByField() throws IOException {
        Schema edited = edit("mesos.avdl", "union { null, string } reason = null;",
                "union { null, int } reason = null;", "io.mesosevents.model.mesos.MesosTaskEvent");

        List<Incompatibility> found = guard.check(replacing(Topic.MESOS_TASK_EVENTS, edited));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.fieldPath()).isEqualTo("MesosTaskEvent.status.reason");
            assertThat(i.type()).isEqualTo("MISSING_UNION_BRANCH");
            assertThat(i.location()).startsWith("/fields/8/type/1/fields/3/type");
            assertThat(i.describe()).contains("mesos.task-events", "0.1.0", "MesosTaskEvent.status.reason");
        });
    }

    @Test
    void typeChangeInAMarathonPayloadNamesTheBranch() throws IOException {
        Schema edited = edit("marathon.avdl", "/** Mesos task id. */\n  union { null, string } taskId = null;",
                "/** Mesos task id. */\n  union { null, long } taskId = null;",
                "io.mesosevents.model.marathon.MarathonEvent");

        List<Incompatibility> found = guard.check(replacing(Topic.MARATHON_EVENTS, edited));

        assertThat(found).extracting(Incompatibility::fieldPath)
                .containsExactly("MarathonEvent.payload[StatusUpdateEvent].taskId");
    }

    @Test
    void enumSymbolRemovedFromAnEnumWithoutDefault() throws IOException {
        Schema edited = edit("common.avdl", "SNAPSHOT_BEGIN, SNAPSHOT, DELTA, GONE, SNAPSHOT_END, UNKNOWN\n} = UNKNOWN;",
                "SNAPSHOT_BEGIN, SNAPSHOT, DELTA, SNAPSHOT_END, UNKNOWN\n}",
                "io.mesosevents.model.mesos.MesosTaskEvent");

        List<Incompatibility> found = guard.check(replacing(Topic.MESOS_TASK_EVENTS, edited));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.fieldPath()).isEqualTo("MesosTaskEvent.meta.kind");
            assertThat(i.type()).isEqualTo("MISSING_ENUM_SYMBOLS");
            assertThat(i.message()).contains("GONE");
        });
    }

    @Test
    void enumDefaultAbsorbsARemovedSymbol() throws IOException {
        Schema edited = edit("common.avdl", "DELTA, GONE, SNAPSHOT_END", "DELTA, SNAPSHOT_END",
                "io.mesosevents.model.mesos.MesosTaskEvent");

        assertThat(guard.check(replacing(Topic.MESOS_TASK_EVENTS, edited))).isEmpty();
    }

    @Test
    void newOptionalFieldWithDefaultIsCompatible() throws IOException {
        Schema edited = edit("mesos.avdl", "union { null, TaskState } statusUpdateState = null;\n",
                "union { null, TaskState } statusUpdateState = null;\n"
                        + "  /** Cgroup of the task. */\n  union { null, string } cgroup = null;\n",
                "io.mesosevents.model.mesos.MesosTaskEvent");
        assertThat(edited.getField("cgroup")).isNotNull();

        assertThat(guard.check(replacing(Topic.MESOS_TASK_EVENTS, edited))).isEmpty();
    }

    @Test
    void topicMissingNowIsReported() throws IOException {
        Map<String, Schema> current = new LinkedHashMap<>(Topic.valueSchemas());
        current.remove("view.deployments");

        assertThat(guard.check(current)).singleElement().satisfies(i -> {
            assertThat(i.topic()).isEqualTo("view.deployments");
            assertThat(i.type()).isEqualTo("TOPIC_REMOVED");
        });
    }

    /** Copies schemas/*.avdl, replaces {@code from} by {@code to} in {@code file}, and parses {@code fullName}. */
    private Schema edit(String file, String from, String to, String fullName) throws IOException {
        try (Stream<Path> files = Files.list(SchemasDir.get())) {
            for (Path avdl : files.filter(p -> p.toString().endsWith(".avdl")).toList()) {
                Files.copy(avdl, copy.resolve(avdl.getFileName()));
            }
        }
        Path target = copy.resolve(file);
        String text = Files.readString(target);
        assertThat(text).as("edit target in " + file).contains(from);
        Files.writeString(target, text.replace(from, to));
        Path entry = copy.resolve(namespaceFile(fullName));
        return new IdlReader().parse(entry).getNamedSchema(fullName);
    }

    private static String namespaceFile(String fullName) {
        return fullName.split("\\.")[3] + ".avdl";
    }

    private static Map<String, Schema> replacing(Topic topic, Schema schema) {
        Map<String, Schema> current = new LinkedHashMap<>(Topic.valueSchemas());
        current.put(topic.defaultName(), schema);
        return current;
    }
}
