package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskView;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * The frameworks table: {@code mesos.framework-events} folded into one FrameworkView per
 * {@code <cluster>/<framework id>} in the queryable store {@code frameworks}, every change written to
 * the compacted {@code state.frameworks}.
 *
 * <p>The input is keyed by {@code <cluster>/<framework id>} already and the output keeps that key,
 * so the view needs no repartitioning and two clusters sharing a framework id never meet.
 *
 * <p>FRAMEWORK_REMOVED deletes the row, like GONE: the table holds current state and a removed
 * (torn down) framework is no longer part of it, so it becomes a tombstone rather than a row marked
 * inactive. Whoever needs removed frameworks reads {@code mesos.framework-events}. See
 * {@link FrameworkViewFold}.
 *
 * <p>Operators are named so that the view's part of a larger topology stays recognisable and does
 * not shift when other views are added beside it.
 */
public final class FrameworkViewTopology {

    /** The rows as the events fold them, before {@link #publish} adds their task counts. */
    static final String ROW_STORE = "framework-rows";

    /** Positions of the events that last changed each row, kept beside the rows. */
    static final String POSITION_STORE = "framework-positions";

    private FrameworkViewTopology() {
    }

    /**
     * Adds the folding of {@code mesos.framework-events} (topics under {@code topicPrefix}) into one row per
     * framework; {@link #publish} turns the rows into the view.
     *
     * @return the row changes; a null value is a tombstone
     */
    public static KStream<String, FrameworkView> addTo(StreamsBuilder builder, String topicPrefix,
                                                       ViewSerdes serdes) {
        String rowStore = ROW_STORE;
        builder.addStateStore(serdes.rowStore(rowStore, FrameworkView.class));
        builder.addStateStore(serdes.positionStore(POSITION_STORE));

        KStream<String, FrameworkView> changes = builder
                .stream(Topic.MESOS_FRAMEWORK_EVENTS.name(topicPrefix),
                        Consumed.with(serdes.keys(), serdes.values(MesosFrameworkEvent.class))
                                .withName("framework-events"))
                .filter((key, event) -> describesAFramework(event), Named.as("framework-events-without-markers"))
                .processValues(() -> new EntityFoldProcessor<>("framework", rowStore, POSITION_STORE, MesosFrameworkEvent::getMeta,
                        MesosFrameworkEvent::getEventType, FrameworkViewFold::apply), Named.as("framework-view"), rowStore, POSITION_STORE);
        return changes;
    }

    /**
     * Publishes the view: every row of {@code rows} with the counts of its tasks, as the queryable
     * store {@code frameworks} and the topic {@code state.frameworks} (see {@link TaskCountsJoin}).
     */
    public static KTable<String, FrameworkView> publish(KTable<String, FrameworkView> rows, KTable<String, TaskView> tasks,
                                                 String topicPrefix, ViewSerdes serdes) {
        return TaskCountsJoin.publish("framework", rows, tasks, TaskCountsAggregation::byFramework,
                (row, counts) -> FrameworkView.newBuilder(row).setTasks(counts).build(), ViewStores.FRAMEWORKS, Topic.STATE_FRAMEWORKS, topicPrefix,
                serdes);
    }

    /**
     * False for snapshot markers (keyed by the bare cluster, empty framework id) and for a record
     * without a value: neither says anything about a framework.
     */
    private static boolean describesAFramework(MesosFrameworkEvent event) {
        if (event == null) {
            return false;
        }
        EventKind kind = event.getMeta().getKind();
        return kind != EventKind.SNAPSHOT_BEGIN && kind != EventKind.SNAPSHOT_END
                && !event.getFrameworkId().isEmpty();
    }
}
