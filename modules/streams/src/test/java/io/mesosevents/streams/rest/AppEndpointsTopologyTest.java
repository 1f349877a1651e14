package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.ViewsTopology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's endpoints as the views make them: a task's host:ports appear when it runs on a known
 * agent, leave while its health check fails, come back when it passes, and leave when it ends.
 */
class AppEndpointsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TASK = "prod_web.instance-1._app.1";
    private static final String AGENT = "S1";
    private static final String APP_KEY = "eu1//prod/web";

    private static SchemaRegistryServer registry;

    private TopologyTestDriver driver;
    private TestInputTopic<String, MesosTaskEvent> tasks;
    private TestInputTopic<String, MesosAgentEvent> agents;
    private int sequence;

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
        StreamsAppConfig config = StreamsAppConfig.defaults().withSchemaRegistryUrl(registry.url()).withStateDir(stateDir);
        Map<String, Object> serdes = config.serdeConfig();
        driver = new TopologyTestDriver(ViewsTopology.build(config), config.streamsProperties());
        tasks = driver.createInputTopic("mesos.task-events", Serdes.String().serializer(),
                AvroSerdes.specific(MesosTaskEvent.class, serdes, false).serializer());
        agents = driver.createInputTopic("mesos.agent-events", Serdes.String().serializer(),
                AvroSerdes.specific(MesosAgentEvent.class, serdes, false).serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void endpointsFollowTheTasksStateAndHealth() {
        agents.pipeInput("eu1/" + AGENT, MesosAgentEvent.newBuilder().setMeta(meta()).setEventType(MesosEventType.AGENT_ADDED)
                .setAgentId(AGENT).setHostname("node-1.example.org").build());
        task(TaskState.TASK_STAGING, null);
        assertThat(endpoints()).isEmpty();

        task(TaskState.TASK_RUNNING, null);
        assertThat(endpoints()).containsExactly("node-1.example.org:31000", "node-1.example.org:31001");

        task(TaskState.TASK_RUNNING, false);
        assertThat(endpoints()).isEmpty();

        task(TaskState.TASK_RUNNING, true);
        assertThat(endpoints()).hasSize(2);

        task(TaskState.TASK_KILLED, null);
        assertThat(endpoints()).isEmpty();
    }

    private void task(TaskState state, Boolean healthy) {
        MesosTaskEvent.Builder event = MesosTaskEvent.newBuilder().setMeta(meta()).setTaskId(TASK).setFrameworkId("F")
                .setAgentId(AGENT).setState(state);
        if (state == TaskState.TASK_STAGING) {
            event.setEventType(MesosEventType.TASK_ADDED).setName("web").setResources(List.of(Resource.newBuilder()
                    .setName("ports").setRanges(List.of(new Range(31000L, 31001L))).build()));
        } else {
            event.setEventType(MesosEventType.TASK_UPDATED).setStatus(TaskStatus.newBuilder().setState(state)
                    .setHealthy(healthy).setTimestamp(T0.plusSeconds(sequence)).build());
        }
        tasks.pipeInput("eu1/" + TASK, event.build(), T0.plusSeconds(sequence));
    }

    private EventMeta meta() {
        sequence++;
        return EventMeta.newBuilder().setCluster("eu1").setSource("http://master:5050").setSessionId("s1")
                .setSequence(sequence).setSourceTimestamp(T0.plusSeconds(sequence))
                .setIngestTimestamp(T0.plusSeconds(sequence)).setKind(EventKind.DELTA).build();
    }

    private List<String> endpoints() {
        ValueAndTimestamp<AppTasks> row = driver.<String, AppTasks>getTimestampedKeyValueStore(
                ViewStores.APP_TASKS.storeName()).get(APP_KEY);
        List<String> endpoints = new ArrayList<>();
        if (row != null) {
            for (JsonNode endpoint : AppEndpoints.of(row.value())) {
                endpoints.add(endpoint.path("host").asText() + ":" + endpoint.path("port").asText());
            }
        }
        return endpoints;
    }
}
