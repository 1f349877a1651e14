package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.FrameworkView;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

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

    /** Positions of the events that last changed each row, kept beside the {@code frameworks} store. */
    static final String POSITION_STORE = "framework-positions";

    private FrameworkViewTopology() {
    }

    /**
     * Adds the frameworks view to {@code builder}: {@code mesos.framework-events} → store
     * {@code frameworks} → {@code state.frameworks}, topics under {@code topicPrefix}.
     *
     * @return the row changes written to {@code state.frameworks}; a null value is a tombstone
     */
    public static KStream<String, FrameworkView> addTo(StreamsBuilder builder, String topicPrefix,
                                                       ViewSerdes serdes) {
        String rowStore = ViewStores.FRAMEWORKS.storeName();
        builder.addStateStore(serdes.rowStore(rowStore, FrameworkView.class));
        builder.addStateStore(serdes.positionStore(POSITION_STORE));

        KStream<String, FrameworkView> changes = builder
                .stream(Topic.MESOS_FRAMEWORK_EVENTS.name(topicPrefix),
                        Consumed.with(serdes.keys(), serdes.values(MesosFrameworkEvent.class))
                                .withName("framework-events"))
                .filter((key, event) -> describesAFramework(event), Named.as("framework-events-without-markers"))
                .processValues(FrameworkViewProcessor::new, Named.as("framework-view"), rowStore, POSITION_STORE);
        changes.to(Topic.STATE_FRAMEWORKS.name(topicPrefix),
                Produced.with(serdes.keys(), serdes.values(FrameworkView.class)).withName("state-frameworks"));
        return changes;
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
