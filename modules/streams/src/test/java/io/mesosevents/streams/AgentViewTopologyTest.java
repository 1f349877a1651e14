package io.mesosevents.streams;

import static io.mesosevents.streams.AgentEvents.AGENT_ID;
import static io.mesosevents.streams.AgentEvents.T0;
import static io.mesosevents.streams.AgentEvents.added;
import static io.mesosevents.streams.AgentEvents.gone;
import static io.mesosevents.streams.AgentEvents.inSession;
import static io.mesosevents.streams.AgentEvents.marker;
import static io.mesosevents.streams.AgentEvents.partial;
import static io.mesosevents.streams.AgentEvents.removed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.EventPosition;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import io.mesosevents.model.state.TaskView;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agents view, driven without a broker but with the real serdes against the embedded registry. */
class AgentViewTopologyTest {

    private static final String PREFIX = "test.";
    /** Where the test copies the stream {@link AgentViewTopology#addTo} returns, to check it too. */
    private static final String RETURNED = "test.returned-agent-changes";
    private static final String KEY = "eu1/" + AGENT_ID;

    private static SchemaRegistryServer registry;

    private TopologyTestDriver driver;
    private TestInputTopic<String, MesosAgentEvent> events;
    private TestOutputTopic<String, AgentView> agents;
    private TestOutputTopic<String, AgentView> returned;

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
        ViewSerdes serdes = new ViewSerdes(config.serdeConfig());
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, AgentView> changes = AgentViewTopology.addTo(builder, PREFIX, serdes);
        changes.to(RETURNED, Produced.with(serdes.keys(), serdes.values(AgentView.class)));
        // Published without tasks: the counts are the subject of TaskCountsTest.
        AgentViewTopology.publish(changes.toTable(Materialized.with(serdes.keys(), serdes.values(AgentView.class))),
                builder.table("test.no-tasks", Consumed.with(serdes.keys(), serdes.values(TaskView.class))), PREFIX,
                serdes);
        driver = new TopologyTestDriver(builder.build(), config.streamsProperties());
        events = driver.createInputTopic("test.mesos.agent-events", serdes.keys().serializer(),
                serdes.values(MesosAgentEvent.class).serializer());
        agents = driver.createOutputTopic("test.state.agents", serdes.keys().deserializer(),
                serdes.values(AgentView.class).deserializer());
        returned = driver.createOutputTopic(RETURNED, serdes.keys().deserializer(),
                serdes.values(AgentView.class).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Pipes {@code event} under the key the ingestor gives it: the bare cluster for markers. */
    private void pipe(MesosAgentEvent event) {
        String cluster = event.getMeta().getCluster();
        events.pipeInput(event.getAgentId().isEmpty() ? cluster : cluster + "/" + event.getAgentId(), event);
    }

    private KeyValueStore<String, AgentView> store() {
        return driver.getKeyValueStore(AgentViewTopology.ROW_STORE);
    }

    @Test
    void aPartialRecordAfterAgentAddedKeepsTheFieldsItDoesNotCarry() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(partial("eu1", AGENT_ID, 10));

        List<TestRecord<String, AgentView>> rows = agents.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsExactly(KEY, KEY);
        AgentView row = rows.get(1).value();
        assertThat(row.getCluster()).isEqualTo("eu1");
        assertThat(row.getAgentId()).isEqualTo(AGENT_ID);
        assertThat(row.getHostname()).isEqualTo("agent-3.eu1.internal");
        assertThat(row.getPort()).isEqualTo(5051);
        assertThat(row.getPid()).isEqualTo("slave(1)@10.0.0.3:5051");
        assertThat(row.getResources()).extracting(r -> r.getName()).containsExactly("cpus", "mem", "ports");
        assertThat(row.getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of("rack", "r7", "zone", "eu1-b"));
        assertThat(row.getRegisteredTime()).isEqualTo(T0.minusSeconds(3600));
        assertThat(row.getCapabilities()).containsExactly("MULTI_ROLE");
        assertThat(row.getVersion()).isEqualTo("1.11.0");
        assertThat(row.getActive()).isFalse();
        assertThat(row.getReregisteredTime()).isEqualTo(T0.plusSeconds(10));
        assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(row.getLastSessionId()).isEqualTo("session-1");
        assertThat(row.getLastSequence()).isEqualTo(10L);
        assertThat(store().get(KEY)).isEqualTo(row);
    }

    @Test
    void agentRemovedWritesATombstone() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(removed("eu1", AGENT_ID, 10));

        List<TestRecord<String, AgentView>> rows = agents.readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).key()).isEqualTo(KEY);
        assertThat(rows.get(1).value()).isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void goneWritesATombstone() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(gone("eu1", AGENT_ID, 10));

        List<TestRecord<String, AgentView>> rows = agents.readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).key()).isEqualTo(KEY);
        assertThat(rows.get(1).value()).isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void aLateOlderEventAfterRemovalDoesNotResurrectTheAgent() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(removed("eu1", AGENT_ID, 10));
        // Reordered within the session (lower sequence), and from an older session (older source time).
        pipe(added("eu1", AGENT_ID, 5));
        pipe(inSession(added("eu1", AGENT_ID, 5), "session-0", 99));

        assertThat(agents.readValuesToList()).hasSize(2).last().isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void anAgentAddedAgainAfterRemovalStartsAFreshRow() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(removed("eu1", AGENT_ID, 10));
        pipe(partial("eu1", AGENT_ID, 20));

        AgentView row = agents.readValuesToList().get(2);
        assertThat(row.getActive()).isFalse();
        assertThat(row.getHostname()).isNull();
        assertThat(row.getAttributes()).isEmpty();
    }

    @Test
    void aDuplicateOrReorderedEventChangesNothing() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(partial("eu1", AGENT_ID, 10));
        pipe(partial("eu1", AGENT_ID, 10));
        pipe(added("eu1", AGENT_ID, 0));

        assertThat(agents.readValuesToList()).extracting(AgentView::getLastSequence).containsExactly(0L, 10L);
        assertThat(store().get(KEY).getActive()).isFalse();
    }

    @Test
    void snapshotMarkersAreSkipped() {
        pipe(marker("eu1", EventKind.SNAPSHOT_BEGIN, 0));
        pipe(added("eu1", AGENT_ID, 1));
        pipe(marker("eu1", EventKind.SNAPSHOT_END, 2));

        assertThat(agents.readRecordsToList()).extracting(TestRecord::key).containsExactly(KEY);
        assertThat(store().get("eu1")).isNull();
        KeyValueStore<String, EventPosition> positions = driver.getKeyValueStore(AgentViewTopology.POSITION_STORE);
        assertThat(positions.get("eu1")).isNull();
    }

    @Test
    void aRecordWithoutValueIsSkipped() {
        events.pipeInput(KEY, null);
        pipe(added("eu1", AGENT_ID, 0));

        assertThat(agents.readValuesToList()).extracting(AgentView::getAgentId).containsExactly(AGENT_ID);
    }

    @Test
    void twoClustersWithTheSameAgentIdKeepTwoRows() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(added("us1", AGENT_ID, 0));
        pipe(removed("us1", AGENT_ID, 10));
        pipe(partial("eu1", AGENT_ID, 10));

        Map<String, AgentView> table = agents.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys(KEY, "us1/" + AGENT_ID);
        assertThat(table.get("us1/" + AGENT_ID)).isNull();
        assertThat(table.get(KEY).getCluster()).isEqualTo("eu1");
        assertThat(table.get(KEY).getActive()).isFalse();
        assertThat(store().get(KEY)).isNotNull();
        assertThat(store().get("us1/" + AGENT_ID)).isNull();
    }

    @Test
    void addToReturnsTheChangesWrittenToStateAgents() {
        pipe(added("eu1", AGENT_ID, 0));
        pipe(removed("eu1", AGENT_ID, 10));

        List<KeyValue<String, AgentView>> written = agents.readKeyValuesToList();
        assertThat(written).hasSize(2);
        assertThat(returned.readKeyValuesToList()).isEqualTo(written);
    }
}
