package io.mesosevents.replay.state;

import static io.mesosevents.replay.state.EventRecords.AGENT;
import static io.mesosevents.replay.state.EventRecords.CLUSTER;
import static io.mesosevents.replay.state.EventRecords.FRAMEWORK;
import static io.mesosevents.replay.state.EventRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import io.mesosevents.replay.read.RawRecord;
import io.mesosevents.streams.StreamsAppConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The views' topology run offline over records as a replay reads them, with the real serdes against a real registry. */
class OfflineViewsTest {

    private static final String PREFIX = "offline.";
    private static final Duration RETENTION = Duration.ofMinutes(30);

    private static SchemaRegistryServer registry;

    private StreamsAppConfig config;
    private EventRecords events;
    private OfflineViews views;

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
    void start() {
        config = StreamsAppConfig.defaults().withSchemaRegistryUrl(registry.url()).withTopicPrefix(PREFIX)
                .withFinishedRetention(RETENTION);
        events = new EventRecords(PREFIX, config.serdeConfig());
        views = new OfflineViews(config, T0);
    }

    @AfterEach
    void close() {
        views.close();
    }

    @Test
    void readsTheEventTopicsOfTheViewsUnderThePrefix() {
        assertThat(views.inputTopics()).containsExactly("offline.marathon.events", "offline.mesos.agent-events",
                "offline.mesos.framework-events", "offline.mesos.task-events");
        assertThat(OfflineViews.inputTopics(config)).isEqualTo(views.inputTopics());
    }

    @Test
    void foldsAHistoryIntoTheRowsOfEveryView() {
        pipe(events.agentAdded(0), events.taskAdded("web-1", "web", 1), events.taskUpdated("web-1", TaskState.TASK_RUNNING, 2),
                events.taskAdded("db-1", "db", 3));

        List<ViewRow> tasks = rows(StateEntity.TASKS);
        assertThat(tasks).extracting(ViewRow::key).containsExactly("eu1/db-1", "eu1/web-1");
        TaskView web = (TaskView) tasks.get(1).row();
        assertThat(web.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(web.getStarted()).isEqualTo(T0.plusSeconds(2));
        // Joined to the agent's row, as live.
        assertThat(web.getHost()).isEqualTo("agent-1.eu1.internal");

        AgentView agent = (AgentView) rows(StateEntity.AGENTS).get(0).row();
        assertThat(agent.getAgentId()).isEqualTo(AGENT);
        assertThat(agent.getTasks().getRunning()).isEqualTo(1);
        assertThat(agent.getTasks().getStaged()).isEqualTo(1);

        // Tasks of no Marathon app are grouped by framework and name.
        assertThat(rows(StateEntity.APPS)).extracting(ViewRow::key)
                .containsExactly(CLUSTER + "/" + FRAMEWORK + "/db", CLUSTER + "/" + FRAMEWORK + "/web");
        assertThat(views.piped()).isEqualTo(4);
    }

    @Test
    void selectsTheRowsOfOneAppByTheRuleOfTheApi() {
        pipe(events.agentAdded(0), events.taskAdded("web-1", "web", 1), events.taskAdded("db-1", "db", 2));

        String app = FRAMEWORK + "/web";
        assertThat(ViewSnapshot.read(views, StateEntity.TASKS, Optional.of(app))).extracting(ViewRow::key)
                .containsExactly("eu1/web-1");
        assertThat(ViewSnapshot.read(views, StateEntity.APPS, Optional.of(app))).extracting(row -> ((AppView) row.row()).getAppId())
                .containsExactly(app);
        assertThat(ViewSnapshot.read(views, StateEntity.HEALTH, Optional.of(app))).hasSize(1);
        assertThat(ViewSnapshot.read(views, StateEntity.TASKS, Optional.of("other"))).isEmpty();
    }

    @Test
    void removesAFinishedTaskWhenTheFinishedRetentionHasPassedByTheWallClock() {
        pipe(events.agentAdded(0), events.taskAdded("batch-1", "batch", 1), events.taskUpdated("batch-1", TaskState.TASK_RUNNING, 2),
                events.taskUpdated("batch-1", TaskState.TASK_FINISHED, 10));
        TaskView finished = (TaskView) rows(StateEntity.TASKS).get(0).row();
        assertThat(finished.getFinished()).isEqualTo(T0.plusSeconds(10));

        // Live keeps a finished task for the retention, and removes it at the next scan after that (a tenth of it, at most a minute).
        views.advanceTo(finished.getFinished().plus(RETENTION).minusSeconds(1));
        assertThat(rows(StateEntity.TASKS)).extracting(ViewRow::key).containsExactly("eu1/batch-1");

        views.advanceTo(finished.getFinished().plus(RETENTION).plusSeconds(61));
        assertThat(rows(StateEntity.TASKS)).isEmpty();
        assertThat(rows(StateEntity.AGENTS)).hasSize(1);
    }

    @Test
    void drainsWhatTheTopologyProducesSoThatLongReplaysKeepTheirMemory() {
        pipe(events.agentAdded(0));
        int records = OfflineViews.DRAIN_EVERY + 100;
        for (int i = 1; i <= records; i++) {
            views.pipe(i == 1 ? events.taskAdded("web-1", "web", i)
                    : events.taskUpdated("web-1", i % 2 == 0 ? TaskState.TASK_RUNNING : TaskState.TASK_STARTING, i));
        }
        assertThat(views.piped()).isEqualTo(records + 1);
        assertThat(views.wallClock()).isEqualTo(T0.plusSeconds(records));
        assertThat(((TaskView) rows(StateEntity.TASKS).get(0).row()).getState()).isEqualTo(TaskState.TASK_RUNNING);
    }

    @Test
    void refusesARecordOfATopicTheViewsDoNotRead() {
        RawRecord stray = new RawRecord("offline.state.tasks", 0, 0, T0.toEpochMilli(), new byte[0], new byte[0]);

        assertThatThrownBy(() -> views.pipe(stray)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offline.state.tasks");
    }

    private void pipe(RawRecord... records) {
        for (RawRecord record : records) {
            views.pipe(record);
        }
    }

    private List<ViewRow> rows(StateEntity entity) {
        return ViewSnapshot.read(views, entity, Optional.empty());
    }
}
