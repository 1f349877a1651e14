package io.mesosevents.streams;

import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.EventPosition;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * The whole views topology in a TopologyTestDriver, with the real serdes against a running
 * registry: typed input topics for the sources, output topics and stores for the views.
 */
final class ViewsDriver implements AutoCloseable {

    static final String PREFIX = "test.";
    static final Duration FINISHED_RETENTION = Duration.ofHours(1);
    static final Duration HISTORY_RETENTION = Duration.ofDays(7);

    private final TopologyTestDriver driver;
    private final Map<String, Object> serdeConfig;
    final TestInputTopic<String, MesosTaskEvent> taskEvents;
    final TestInputTopic<String, MesosAgentEvent> agentEvents;
    final TestInputTopic<String, MesosFrameworkEvent> frameworkEvents;
    final TestInputTopic<String, MarathonEvent> marathonEvents;
    final TestOutputTopic<String, TaskView> tasks;
    final TestOutputTopic<String, AppView> apps;
    final TestOutputTopic<String, AppHealthView> appHealth;

    ViewsDriver(String registryUrl, Path stateDir) {
        StreamsAppConfig config = StreamsAppConfig.defaults().withSchemaRegistryUrl(registryUrl)
                .withTopicPrefix(PREFIX).withStateDir(stateDir);
        serdeConfig = config.serdeConfig();
        driver = new TopologyTestDriver(ViewsTopology.build(PREFIX, serdeConfig, FINISHED_RETENTION, HISTORY_RETENTION),
                config.streamsProperties());
        taskEvents = input("mesos.task-events", MesosTaskEvent.class);
        agentEvents = input("mesos.agent-events", MesosAgentEvent.class);
        frameworkEvents = input("mesos.framework-events", MesosFrameworkEvent.class);
        marathonEvents = input("marathon.events", MarathonEvent.class);
        tasks = output("state.tasks", TaskView.class);
        apps = output("state.apps", AppView.class);
        appHealth = output("view.app-health", AppHealthView.class);
    }

    /**
     * Pipes a Mesos task event under the key the ingestor gives it. Like every pipe here, the record
     * time is the ingest time, as the ingestor's producer stamps it.
     */
    void pipe(MesosTaskEvent event) {
        String cluster = event.getMeta().getCluster();
        taskEvents.pipeInput(event.getTaskId().isEmpty() ? cluster : cluster + "/" + event.getTaskId(), event,
                event.getMeta().getIngestTimestamp());
    }

    /** Pipes a Marathon event under {@code <cluster>/<subject>}, as the ingestor keys it. */
    void pipe(String subject, MarathonEvent event) {
        marathonEvents.pipeInput(event.getMeta().getCluster() + "/" + subject, event,
                event.getMeta().getIngestTimestamp());
    }

    void pipe(MesosFrameworkEvent event) {
        frameworkEvents.pipeInput(event.getMeta().getCluster() + "/" + event.getFrameworkId(), event,
                event.getMeta().getIngestTimestamp());
    }

    void pipe(MesosAgentEvent event) {
        agentEvents.pipeInput(event.getMeta().getCluster() + "/" + event.getAgentId(), event,
                event.getMeta().getIngestTimestamp());
    }

    /** The current row of {@code key} in a view's queryable store. */
    <V> V row(ViewStores store, String key) {
        // DSL tables keep timestamped rows, processors plain ones; queries see the plain value either way.
        if (driver.getAllStateStores().get(store.storeName()) instanceof TimestampedKeyValueStore<?, ?>) {
            ValueAndTimestamp<V> row = driver.<String, V>getTimestampedKeyValueStore(store.storeName()).get(key);
            return row == null ? null : row.value();
        }
        return driver.<String, V>getKeyValueStore(store.storeName()).get(key);
    }

    TaskView task(String key) {
        return row(ViewStores.TASKS, key);
    }

    AppView app(String key) {
        return row(ViewStores.APPS, key);
    }

    AppTasks appTasks(String key) {
        return row(ViewStores.APP_TASKS, key);
    }

    AppHealthView health(String key) {
        return row(ViewStores.APP_HEALTH, key);
    }

    AgentView agent(String key) {
        return row(ViewStores.AGENTS, key);
    }

    /** The row of {@code key} as it was at {@code asOf}, from the view's history store. */
    <V> V rowAsOf(ViewStores store, String key, Instant asOf) {
        VersionedRecord<V> row = driver.<String, V>getVersionedKeyValueStore(store.historyStoreName())
                .get(key, asOf.toEpochMilli());
        return row == null ? null : row.value();
    }

    FrameworkView framework(String key) {
        return row(ViewStores.FRAMEWORKS, key);
    }

    /** The event position a view processor keeps for {@code key} in {@code positionStore}. */
    EventPosition position(String positionStore, String key) {
        return driver.<String, EventPosition>getKeyValueStore(positionStore).get(key);
    }

    void advanceWallClock(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    private <T extends SpecificRecord> TestInputTopic<String, T> input(String topic, Class<T> type) {
        return driver.createInputTopic(PREFIX + topic, Serdes.String().serializer(),
                AvroSerdes.specific(type, serdeConfig, false).serializer());
    }

    private <T extends SpecificRecord> TestOutputTopic<String, T> output(String topic, Class<T> type) {
        return driver.createOutputTopic(PREFIX + topic, Serdes.String().deserializer(),
                AvroSerdes.specific(type, serdeConfig, false).deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
