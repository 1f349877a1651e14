package io.mesosevents.streams.app;

import io.mesosevents.streams.ViewStores;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Which of the {@link ViewStores} a topology materialises, and in which sub-topology each lives.
 *
 * <p>The views are built by several hands and arrive one by one, so the serving side asks the
 * topology instead of assuming every store exists. The sub-topology matters because Kafka Streams
 * reports local tasks by {@code TaskId(subtopology, partition)}: a store's partitions on this
 * instance are those of the tasks of its sub-topology.
 */
public final class ServedStores {

    private final Map<ViewStores, Integer> subtopologies;

    private ServedStores(Map<ViewStores, Integer> subtopologies) {
        this.subtopologies = Collections.unmodifiableMap(subtopologies);
    }

    /** The view stores that {@code description}'s processors use. */
    public static ServedStores of(TopologyDescription description) {
        Map<ViewStores, Integer> found = new EnumMap<>(ViewStores.class);
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    for (ViewStores store : ViewStores.values()) {
                        if (processor.stores().contains(store.storeName())) {
                            found.put(store, subtopology.id());
                        }
                    }
                }
            }
        }
        return new ServedStores(found);
    }

    public boolean serves(ViewStores store) {
        return subtopologies.containsKey(store);
    }

    /** Every served store, in the order of {@link ViewStores}. */
    public Set<ViewStores> all() {
        return subtopologies.keySet();
    }

    /** The sub-topology of a served store; empty for a store the topology does not have. */
    public OptionalInt subtopology(ViewStores store) {
        Integer id = subtopologies.get(store);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }
}
