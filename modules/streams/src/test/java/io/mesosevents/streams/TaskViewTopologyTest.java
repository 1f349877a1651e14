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
import java.time.Duration;
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

/** The task table, driven through the whole views topology with the real serdes against the embedded registry. */
class TaskViewTopologyTest {

    private static final String TASK = "web.instance-4f7c2a9e._app.1";
    private static final String KEY = "eu1/" + TASK;

    private static SchemaRegistryServer registry;

    private ViewsDriver views;
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
        views = new ViewsDriver(registry.url(), stateDir);
        tasks = views.tasks;
    }

    @AfterEach
    void closeDriver() {
        views.close();
    }

    private void pipe(MesosTaskEvent event) {
        views.pipe(event);
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
        assertThat(views.task(KEY).getState()).isEqualTo(TaskState.TASK_KILLED);
    }

    @Test
    void snapshotMarkersAreIgnored() {
        pipe(marker("eu1", EventKind.SNAPSHOT_BEGIN, 0));
        pipe(added("eu1", TASK, 1));
        pipe(marker("eu1", EventKind.SNAPSHOT_END, 2));

        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsExactly("eu1/" + TASK);
        assertThat(views.task("eu1")).isNull();
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

    @Test
    void aMarathonTaskIdNamesItsAppAndInstanceAndOtherTasksGroupByFrameworkAndName() {
        pipe(added("eu1", TASK, 0));
        pipe(added("eu1", "spark-driver-42", 1));

        assertThat(views.task(KEY).getAppId()).isEqualTo("/web");
        assertThat(views.task(KEY).getInstanceId()).isEqualTo("web.marathon-4f7c2a9e");
        assertThat(views.task("eu1/spark-driver-42").getAppId()).isEqualTo(TaskEvents.FRAMEWORK_ID + "/web");
    }

    @Test
    void marathonEventsAddAppVersionAndHealthWithoutOverridingMesosState() {
        pipe(added("eu1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 5));
        // Marathon's status arrives later but reports an older state: Mesos owns the state.
        views.pipe("/prod/web", MarathonTaskEvents.statusUpdate("eu1", "/prod/web", TASK, TaskState.TASK_STAGING, 6));
        views.pipe("/prod/web", MarathonTaskEvents.healthChanged("eu1", "/prod/web", TASK, false, 7));

        TaskView row = views.task(KEY);
        assertThat(row.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(row.getAppId()).isEqualTo("/prod/web");
        assertThat(row.getVersion()).isEqualTo(MarathonTaskEvents.VERSION);
        // Mesos said healthy (TaskEvents' RUNNING status), Marathon says not alive: the combined verdict is unhealthy.
        assertThat(row.getHealth().getMesosHealthy()).isTrue();
        assertThat(row.getHealth().getAlive()).isFalse();
        assertThat(row.getHealthy()).isFalse();
        assertThat(row.getLastSessionId()).isEqualTo("session-1");
    }

    @Test
    void aTaskOnlyMarathonReportsTakesItsStateAndHostFromMarathon() {
        views.pipe("/prod/web", MarathonTaskEvents.statusUpdate("eu1", "/prod/web", TASK, TaskState.TASK_RUNNING, 3));

        TaskView row = views.task(KEY);
        assertThat(row.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(row.getHost()).isEqualTo("node-7.example.org");
        assertThat(row.getPorts()).containsExactly(31000L, 31001L);
        assertThat(row.getStarted()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aMarathonEventDoesNotBringBackATaskMesosRemoved() {
        pipe(added("eu1", TASK, 0));
        pipe(gone("eu1", TASK, 10));
        views.pipe("/prod/web", MarathonTaskEvents.healthChanged("eu1", "/prod/web", TASK, true, 11));

        assertThat(views.task(KEY)).isNull();
        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows.get(rows.size() - 1).value()).isNull();
    }

    @Test
    void theHostComesFromTheAgentEvenWhenTheAgentIsSeenAfterTheTask() {
        pipe(added("eu1", TASK, 0));
        assertThat(views.task(KEY).getHost()).isNull();

        views.pipe(AgentEvents.added("eu1", TaskEvents.AGENT_ID, 2));

        assertThat(views.task(KEY).getHost()).isEqualTo("agent-3.eu1.internal");
        assertThat(tasks.readKeyValuesToMap().get(KEY).getHost()).isEqualTo("agent-3.eu1.internal");
    }

    @Test
    void aDuplicateChangesNothing() {
        MesosTaskEvent running = updated("eu1", TASK, TaskState.TASK_RUNNING, 5);
        pipe(added("eu1", TASK, 0));
        pipe(running);
        int before = tasks.readRecordsToList().size();

        pipe(running);

        assertThat(tasks.readRecordsToList()).isEmpty();
        assertThat(before).isEqualTo(2);
    }

    @Test
    void aFinishedTaskIsRemovedAfterTheRetentionAndARunningOneStays() {
        pipe(added("eu1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_FAILED, 5));
        pipe(added("eu1", "api.instance-1._app.1", 6));
        tasks.readRecordsToList();

        // Wall-clock time in the driver starts at the real now, far after T0 + 5 s: the next scan expires the task.
        views.advanceWallClock(ViewsDriver.FINISHED_RETENTION.dividedBy(10));

        List<TestRecord<String, TaskView>> rows = tasks.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsExactly(KEY);
        assertThat(rows.get(0).value()).isNull();
        assertThat(views.task(KEY)).isNull();
        assertThat(views.task("eu1/api.instance-1._app.1")).isNotNull();
    }

    @Test
    void aTaskIsReadAsItWasAtAPastTime() {
        pipe(added("eu1", TASK, 0));
        pipe(updated("eu1", TASK, TaskState.TASK_RUNNING, 5));
        pipe(updated("eu1", TASK, TaskState.TASK_KILLED, 60));
        pipe(gone("eu1", TASK, 90));

        assertThat(views.<TaskView>rowAsOf(ViewStores.TASKS, KEY, T0)).isNull();
        assertThat(views.<TaskView>rowAsOf(ViewStores.TASKS, KEY, T0.plusSeconds(30)).getState())
                .isEqualTo(TaskState.TASK_RUNNING);
        assertThat(views.<TaskView>rowAsOf(ViewStores.TASKS, KEY, T0.plusSeconds(61)).getState())
                .isEqualTo(TaskState.TASK_KILLED);
        assertThat(views.<TaskView>rowAsOf(ViewStores.TASKS, KEY, T0.plusSeconds(91))).isNull();
        assertThat(views.task(KEY)).isNull();
    }

    @Test
    void thePositionOfARemovedTaskIsForgottenAfterTheGraceAndALiveOneIsKept() {
        pipe(added("eu1", TASK, 0));
        pipe(gone("eu1", TASK, 10));
        pipe(added("eu1", "api.instance-1._app.1", 11));
        assertThat(views.position(TaskViewTopology.MESOS_POSITION_STORE, KEY).getRowDeletedAt())
                .isEqualTo(T0.plusSeconds(11));

        // The driver's wall clock is the real now, long after T0 + 11 s plus the grace: the next scan forgets it.
        views.advanceWallClock(Duration.ofMinutes(10));

        assertThat(views.position(TaskViewTopology.MESOS_POSITION_STORE, KEY)).isNull();
        assertThat(views.position(TaskViewTopology.MESOS_POSITION_STORE, "eu1/api.instance-1._app.1")).isNotNull();
    }
}
