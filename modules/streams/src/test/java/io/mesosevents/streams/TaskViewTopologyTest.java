package io.mesosevents.streams;

import static io.mesosevents.streams.TaskEvents.T0;
import static io.mesosevents.streams.TaskEvents.added;
import static io.mesosevents.streams.TaskEvents.gone;
import static io.mesosevents.streams.TaskEvents.marker;
import static io.mesosevents.streams.TaskEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task table topology, driven without a broker but with the real serdes against the embedded registry. */
class TaskViewTopologyTest {

    private static final String PREFIX = "test.";
    private static final String TASK = "web.instance-4f7c2a9e._app.1";

    private static SchemaRegistryServer registry;

    private TopologyTestDriver driver;
    private TestInputTopic<String, MesosTaskEvent> events;
    private TestOutputTopic<String, TaskView> tasks;

    @BeforeAll
    static void startRegistry() {
        AvroClassTrust.install();
        registry = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void startDriver(@TempDir Path stateDir) {
        StreamsAppConfig config = StreamsAppConfig.defaults().withSchemaRegistryUrl(registry.url())
                .withTopicPrefix(PREFIX).withStateDir(stateDir);
        Map<String, Object> serdeConfig = config.serdeConfig();
        driver = new TopologyTestDriver(TaskViewTopology.build(PREFIX, serdeConfig), config.streamsProperties());
        events = driver.createInputTopic("test.mesos.task-events", Serdes.String().serializer(),
                AvroSerdes.specific(MesosTaskEvent.class, serdeConfig, false).serializer());
        tasks = driver.createOutputTopic("test.state.tasks", Serdes.String().deserializer(),
                AvroSerdes.specific(TaskView.class, serdeConfig, false).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void pipe(MesosTaskEvent event) {
        String key = event.getTaskId().isEmpty() ? event.getMeta().getCluster()
                : event.getMeta().getCluster() + "/" + event.getTaskId();
        events.pipeInput(key, event);
    }

    @Test
    void taskAddedThenRunningThenKilledIsFoldedIntoOneRow() {
        pipe(added("eu1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 5));
        pipe(updated("eu1", TASK, TaskState.TASK_KILLED, 60));

        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsOnly("eu1/" + TASK);
        assertThat(rows).extracting(r -> r.value().getState())
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING, TaskState.TASK_KILLED);

        TaskView killed = rows.get(2).value();
        assertThat(killed.getCluster()).isEqualTo("eu1");
        assertThat(killed.getTaskId()).isEqualTo(TASK);
        assertThat(killed.getFrameworkId()).isEqualTo(TaskEvents.FRAMEWORK_ID);
        assertThat(killed.getAgentId()).isEqualTo(TaskEvents.AGENT_ID);
        // TASK_UPDATED carries no name, resources or labels: those of TASK_ADDED stay.
        assertThat(killed.getName()).isEqualTo("web");
        assertThat(killed.getPorts()).containsExactly(31000L, 31001L);
        assertThat(killed.getLabels()).containsEntry("team", "edge");
        assertThat(killed.getIpAddresses()).containsExactly("10.0.0.7");
        assertThat(killed.getFirstSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(killed.getStarted()).isEqualTo(T0.plusSeconds(5));
        assertThat(killed.getFinished()).isEqualTo(T0.plusSeconds(60));
        assertThat(killed.getLastStatusMessage()).isEqualTo("task_killed");
        assertThat(killed.getLastReason()).isEqualTo("REASON_EXECUTOR_TERMINATED");
        assertThat(killed.getUpdatedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(killed.getLastSessionId()).isEqualTo("session-1");
        assertThat(killed.getLastSequence()).isEqualTo(60L);
        assertThat(rows.get(1).value().getHealthy()).isTrue();
    }

    @Test
    void goneWritesATombstoneAndForgetsTheTask() {
        pipe(added("eu1", TASK, 0));
        pipe(gone("eu1", TASK, 10));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 20));

        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).key()).isEqualTo("eu1/" + TASK);
        assertThat(rows.get(1).value()).isNull();
        // A task seen again after GONE starts a fresh row.
        assertThat(rows.get(2).value().getFirstSeen()).isEqualTo(T0.plusSeconds(21));
        assertThat(rows.get(2).value().getName()).isNull();
    }

    @Test
    void anOlderEventDoesNotMoveStateBackwards() {
        pipe(added("eu1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_KILLED, 60));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 5));

        assertThat(tasks.readValuesToList()).extracting(TaskView::getState)
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_KILLED);
        assertThat(driver.<String, TaskView>getKeyValueStore(TaskViewTopology.VIEW_STORE).get("eu1/" + TASK)
                .getState()).isEqualTo(TaskState.TASK_KILLED);
    }

    @Test
    void snapshotMarkersAreIgnored() {
        pipe(marker("eu1", EventKind.SNAPSHOT_BEGIN, 0));
        pipe(added("eu1", TASK, 1));
        pipe(marker("eu1", EventKind.SNAPSHOT_END, 2));

        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsExactly("eu1/" + TASK);
        assertThat(driver.<String, TaskView>getKeyValueStore(TaskViewTopology.VIEW_STORE).get("eu1")).isNull();
    }

    @Test
    void twoClustersWithTheSameTaskIdKeepTwoRows() {
        pipe(added("eu1", TASK, 0));
        pipe(added("us1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 5));

        Map<String, TaskView> table = tasks.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys("eu1/" + TASK, "us1/" + TASK);
        assertThat(table.get("eu1/" + TASK).getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(table.get("us1/" + TASK).getState()).isEqualTo(TaskState.TASK_STAGING);
        assertThat(table.get("us1/" + TASK).getCluster()).isEqualTo("us1");
    }
}
