package io.mesosevents.streams;

import static io.mesosevents.streams.FrameworkEvents.FRAMEWORK_ID;
import static io.mesosevents.streams.FrameworkEvents.T0;
import static io.mesosevents.streams.FrameworkEvents.added;
import static io.mesosevents.streams.FrameworkEvents.disconnected;
import static io.mesosevents.streams.FrameworkEvents.gone;
import static io.mesosevents.streams.FrameworkEvents.inSession;
import static io.mesosevents.streams.FrameworkEvents.marker;
import static io.mesosevents.streams.FrameworkEvents.removed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.EventPosition;
import io.mesosevents.model.state.FrameworkView;
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

/** The frameworks view, driven without a broker but with the real serdes against the embedded registry. */
class FrameworkViewTopologyTest {

    private static final String PREFIX = "test.";
    /** Where the test copies the stream {@link FrameworkViewTopology#addTo} returns, to check it too. */
    private static final String RETURNED = "test.returned-framework-changes";
    private static final String KEY = "eu1/" + FRAMEWORK_ID;

    private static SchemaRegistryServer registry;

    private TopologyTestDriver driver;
    private TestInputTopic<String, MesosFrameworkEvent> events;
    private TestOutputTopic<String, FrameworkView> frameworks;
    private TestOutputTopic<String, FrameworkView> returned;

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
        KStream<String, FrameworkView> changes = FrameworkViewTopology.addTo(builder, PREFIX, serdes);
        changes.to(RETURNED, Produced.with(serdes.keys(), serdes.values(FrameworkView.class)));
        // Published without tasks: the counts are the subject of TaskCountsTest.
        FrameworkViewTopology.publish(changes.toTable(Materialized.with(serdes.keys(), serdes.values(FrameworkView.class))),
                builder.table("test.no-tasks", Consumed.with(serdes.keys(), serdes.values(TaskView.class))), PREFIX,
                serdes);
        driver = new TopologyTestDriver(builder.build(), config.streamsProperties());
        events = driver.createInputTopic("test.mesos.framework-events", serdes.keys().serializer(),
                serdes.values(MesosFrameworkEvent.class).serializer());
        frameworks = driver.createOutputTopic("test.state.frameworks", serdes.keys().deserializer(),
                serdes.values(FrameworkView.class).deserializer());
        returned = driver.createOutputTopic(RETURNED, serdes.keys().deserializer(),
                serdes.values(FrameworkView.class).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Pipes {@code event} under the key the ingestor gives it: the bare cluster for markers. */
    private void pipe(MesosFrameworkEvent event) {
        String cluster = event.getMeta().getCluster();
        events.pipeInput(event.getFrameworkId().isEmpty() ? cluster : cluster + "/" + event.getFrameworkId(), event);
    }

    private KeyValueStore<String, FrameworkView> store() {
        return driver.getKeyValueStore(FrameworkViewTopology.ROW_STORE);
    }

    @Test
    void frameworkUpdatedAfterFrameworkAddedKeepsTheFieldsItDoesNotCarry() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(disconnected("eu1", FRAMEWORK_ID, 10));

        List<TestRecord<String, FrameworkView>> rows = frameworks.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsExactly(KEY, KEY);
        FrameworkView row = rows.get(1).value();
        assertThat(row.getCluster()).isEqualTo("eu1");
        assertThat(row.getFrameworkId()).isEqualTo(FRAMEWORK_ID);
        assertThat(row.getName()).isEqualTo("marathon");
        assertThat(row.getUser()).isEqualTo("root");
        assertThat(row.getPrincipal()).isEqualTo("marathon-eu1");
        assertThat(row.getHostname()).isEqualTo("marathon-1.eu1.internal");
        assertThat(row.getWebuiUrl()).isEqualTo("http://marathon-1.eu1.internal:8080");
        assertThat(row.getRoles()).containsExactly("slave_public", "*");
        assertThat(row.getRecovered()).isFalse();
        assertThat(row.getCheckpoint()).isTrue();
        assertThat(row.getFailoverTimeoutSeconds()).isEqualTo(604800.0);
        assertThat(row.getRegisteredTime()).isEqualTo(T0.minusSeconds(3600));
        assertThat(row.getCapabilities()).containsExactly("PARTITION_AWARE", "MULTI_ROLE");
        assertThat(row.getLabels()).containsExactlyEntriesOf(Map.of("owner", "platform"));
        assertThat(row.getActive()).isFalse();
        assertThat(row.getConnected()).isFalse();
        assertThat(row.getUnregisteredTime()).isEqualTo(T0.plusSeconds(10));
        assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(row.getLastSessionId()).isEqualTo("session-1");
        assertThat(row.getLastSequence()).isEqualTo(10L);
        assertThat(store().get(KEY)).isEqualTo(row);
    }

    @Test
    void frameworkRemovedWritesATombstone() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(removed("eu1", FRAMEWORK_ID, 10));

        List<TestRecord<String, FrameworkView>> rows = frameworks.readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).key()).isEqualTo(KEY);
        assertThat(rows.get(1).value()).isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void goneWritesATombstone() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(gone("eu1", FRAMEWORK_ID, 10));

        List<TestRecord<String, FrameworkView>> rows = frameworks.readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).key()).isEqualTo(KEY);
        assertThat(rows.get(1).value()).isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void aLateOlderEventAfterRemovalDoesNotResurrectTheFramework() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(removed("eu1", FRAMEWORK_ID, 10));
        // Reordered within the session (lower sequence), and from an older session (older source time).
        pipe(disconnected("eu1", FRAMEWORK_ID, 5));
        pipe(inSession(added("eu1", FRAMEWORK_ID, 5), "session-0", 99));

        assertThat(frameworks.readValuesToList()).hasSize(2).last().isNull();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void aFrameworkAddedAgainAfterRemovalStartsAFreshRow() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(removed("eu1", FRAMEWORK_ID, 10));
        pipe(disconnected("eu1", FRAMEWORK_ID, 20));

        FrameworkView row = frameworks.readValuesToList().get(2);
        assertThat(row.getConnected()).isFalse();
        assertThat(row.getName()).isNull();
        assertThat(row.getRoles()).isEmpty();
    }

    @Test
    void aDuplicateOrReorderedEventChangesNothing() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(disconnected("eu1", FRAMEWORK_ID, 10));
        pipe(disconnected("eu1", FRAMEWORK_ID, 10));
        pipe(added("eu1", FRAMEWORK_ID, 0));

        assertThat(frameworks.readValuesToList()).extracting(FrameworkView::getLastSequence)
                .containsExactly(0L, 10L);
        assertThat(store().get(KEY).getConnected()).isFalse();
    }

    @Test
    void snapshotMarkersAreSkipped() {
        pipe(marker("eu1", EventKind.SNAPSHOT_BEGIN, 0));
        pipe(added("eu1", FRAMEWORK_ID, 1));
        pipe(marker("eu1", EventKind.SNAPSHOT_END, 2));

        assertThat(frameworks.readRecordsToList()).extracting(TestRecord::key).containsExactly(KEY);
        assertThat(store().get("eu1")).isNull();
        KeyValueStore<String, EventPosition> positions =
                driver.getKeyValueStore(FrameworkViewTopology.POSITION_STORE);
        assertThat(positions.get("eu1")).isNull();
    }

    @Test
    void aRecordWithoutValueIsSkipped() {
        events.pipeInput(KEY, null);
        pipe(added("eu1", FRAMEWORK_ID, 0));

        assertThat(frameworks.readValuesToList()).extracting(FrameworkView::getFrameworkId)
                .containsExactly(FRAMEWORK_ID);
    }

    @Test
    void twoClustersWithTheSameFrameworkIdKeepTwoRows() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(added("us1", FRAMEWORK_ID, 0));
        pipe(removed("us1", FRAMEWORK_ID, 10));
        pipe(disconnected("eu1", FRAMEWORK_ID, 10));

        Map<String, FrameworkView> table = frameworks.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys(KEY, "us1/" + FRAMEWORK_ID);
        assertThat(table.get("us1/" + FRAMEWORK_ID)).isNull();
        assertThat(table.get(KEY).getCluster()).isEqualTo("eu1");
        assertThat(table.get(KEY).getConnected()).isFalse();
        assertThat(store().get(KEY)).isNotNull();
        assertThat(store().get("us1/" + FRAMEWORK_ID)).isNull();
    }

    @Test
    void addToReturnsTheChangesWrittenToStateFrameworks() {
        pipe(added("eu1", FRAMEWORK_ID, 0));
        pipe(removed("eu1", FRAMEWORK_ID, 10));

        List<KeyValue<String, FrameworkView>> written = frameworks.readKeyValuesToList();
        assertThat(written).hasSize(2);
        assertThat(returned.readKeyValuesToList()).isEqualTo(written);
    }
}
