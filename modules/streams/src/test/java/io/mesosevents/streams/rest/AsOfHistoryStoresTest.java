package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.ViewsTopology;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * An {@code asOf} lookup finds the owner of a key, and decides whether it may answer, by the partitions of the
 * view's row store; that is only right while each history store lives in the sub-topology of its row store
 * (same tasks, same partitions, same instances). The topology is built by other hands, so this keeps it so.
 */
class AsOfHistoryStoresTest {

    @Test
    void everyHistoryStoreLivesWithItsRowStore() {
        TopologyDescription description = ViewsTopology.build(StreamsAppConfig.defaults()).describe();
        for (ViewStores store : ViewStores.values()) {
            assertThat(subtopologiesUsing(description, store.historyStoreName()))
                    .as("sub-topologies of %s", store.historyStoreName())
                    .isNotEmpty()
                    .isEqualTo(subtopologiesUsing(description, store.storeName()));
        }
    }

    private static Set<Integer> subtopologiesUsing(TopologyDescription description, String storeName) {
        Set<Integer> found = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor && processor.stores().contains(storeName)) {
                    found.add(subtopology.id());
                }
            }
        }
        return found;
    }
}
