package io.mesosevents.streams;

import static io.mesosevents.streams.TaskEvents.added;
import static io.mesosevents.streams.TaskEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.TaskCounts;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents and frameworks carry the counts of their tasks by phase, through the whole views topology. */
class TaskCountsTest {

    private static final String AGENT_KEY = "eu1/" + TaskEvents.AGENT_ID;
    private static final String FRAMEWORK_KEY = "eu1/" + TaskEvents.FRAMEWORK_ID;

    private static SchemaRegistryServer registry;

    private ViewsDriver views;

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
    }

    @AfterEach
    void closeDriver() {
        views.close();
    }

    @Test
    void agentsAndFrameworksCountTheirTasksByPhaseAsTasksChange() {
        views.pipe(AgentEvents.added("eu1", TaskEvents.AGENT_ID, 0));
        views.pipe(FrameworkEvents.added("eu1", TaskEvents.FRAMEWORK_ID, 0));
        views.pipe(added("eu1", "a", 1));
        views.pipe(added("eu1", "b", 2));
        views.pipe(added("eu1", "c", 3));
        views.pipe(updated("eu1", "a", TaskState.TASK_RUNNING, 4));
        views.pipe(updated("eu1", "b", TaskState.TASK_RUNNING, 5));
        views.pipe(updated("eu1", "b", TaskState.TASK_FAILED, 6));

        TaskCounts expected = TaskCounts.newBuilder().setStaged(1).setRunning(1).setFinished(1).build();
        AgentView agent = views.agent(AGENT_KEY);
        assertThat(agent.getTasks()).isEqualTo(expected);
        assertThat(agent.getHostname()).isEqualTo("agent-3.eu1.internal");
        assertThat(views.framework(FRAMEWORK_KEY).getTasks()).isEqualTo(expected);

        views.pipe(TaskEvents.gone("eu1", "b", 7));

        assertThat(views.agent(AGENT_KEY).getTasks().getFinished()).isZero();
        assertThat(views.agent(AGENT_KEY).getTasks().getRunning()).isEqualTo(1);
    }

    @Test
    void anAgentWithoutTasksHasNoCounts() {
        views.pipe(AgentEvents.added("eu1", TaskEvents.AGENT_ID, 0));

        assertThat(views.agent(AGENT_KEY).getTasks()).isNull();
    }
}
