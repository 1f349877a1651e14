package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The task table: {@code mesos.task-events} folded into one TaskView per {@code <cluster>/<task id>},
 * written to the compacted {@code state.tasks} (tombstone when a task is GONE).
 *
 * <p>The input is keyed by {@code <cluster>/<task id>} already and the output keeps that key,
 * so the topology needs no repartitioning and two clusters sharing a task id never meet.
 */
public final class TaskViewTopology {

    static final String VIEW_STORE = "task-views";
    static final String SOURCE_TIME_STORE = "task-source-times";

    private TaskViewTopology() {
    }

    /** The topology over topics under {@code topicPrefix}; {@code serdeConfig} configures the Avro serdes. */
    public static Topology build(String topicPrefix, Map<String, ?> serdeConfig) {
        Serde<String> keys = Serdes.String();
        Serde<MesosTaskEvent> events = AvroSerdes.specific(MesosTaskEvent.class, serdeConfig, false);
        Serde<TaskView> views = AvroSerdes.specific(TaskView.class, serdeConfig, false);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VIEW_STORE), keys, views));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SOURCE_TIME_STORE), keys,
                Serdes.Long()));

        builder.stream(Topic.MESOS_TASK_EVENTS.name(topicPrefix), Consumed.with(keys, events))
                .filterNot((key, event) -> isMarker(event))
                .processValues(TaskViewProcessor::new, VIEW_STORE, SOURCE_TIME_STORE)
                .to(Topic.STATE_TASKS.name(topicPrefix), Produced.with(keys, views));
        return builder.build();
    }

    /** Snapshot markers are written to every partition keyed by cluster alone; they describe no task. */
    private static boolean isMarker(MesosTaskEvent event) {
        EventKind kind = event.getMeta().getKind();
        return kind == EventKind.SNAPSHOT_BEGIN || kind == EventKind.SNAPSHOT_END || event.getTaskId().isEmpty();
    }
}
