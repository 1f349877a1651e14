package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live and the replay build of the views topology: the same rules, kept and published differently. */
class ViewsTopologyOptionsTest {

    private static final StreamsAppConfig CONFIG = StreamsAppConfig.defaults().withTopicPrefix("p.");

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void theLiveBuildIsTheDefault() {
        assertThat(ViewsTopology.build(CONFIG, ViewsTopology.Options.live()).describe().toString())
                .isEqualTo(ViewsTopology.build(CONFIG).describe().toString());
    }

    @Test
    void theReplayBuildKeepsEveryViewStoreButNoHistoryAndWritesNoOutputTopic() {
        Nodes live = Nodes.of(ViewsTopology.build(CONFIG));
        Nodes replay = Nodes.of(ViewsTopology.build(CONFIG, ViewsTopology.Options.replay()));

        for (ViewStores view : ViewStores.values()) {
            assertThat(replay.stores).contains(view.storeName()).doesNotContain(view.historyStoreName());
            assertThat(live.stores).contains(view.storeName(), view.historyStoreName());
        }
        Set<String> outputs = new HashSet<>(Arrays.stream(Topic.values()).map(topic -> topic.name("p.")).toList());
        outputs.retainAll(live.sinkTopics);
        assertThat(outputs).containsExactlyInAnyOrder("p.state.tasks", "p.state.apps", "p.state.agents", "p.state.frameworks",
                "p.view.app-health", "p.view.deployments");
        assertThat(replay.sinkTopics).doesNotContainAnyElementsOf(outputs);
        // The same processors fold the events either way (those the DSL names by a counter are numbered differently).
        assertThat(replay.processors).containsAll(live.processors.stream()
                .filter(name -> !name.endsWith("-history") && !name.matches("[A-Z-]+-\\d+")).toList());
    }

    @Test
    void theReplayBuildKeepsItsStoresInMemory(@TempDir Path stateDir) {
        try (TopologyTestDriver driver = new TopologyTestDriver(ViewsTopology.build(CONFIG, ViewsTopology.Options.replay()),
                CONFIG.withStateDir(stateDir).streamsProperties())) {
            for (ViewStores view : ViewStores.values()) {
                StateStore store = driver.getAllStateStores().get(view.storeName());
                assertThat(store.persistent()).as(view.storeName()).isFalse();
            }
        }
        try (TopologyTestDriver driver = new TopologyTestDriver(ViewsTopology.build(CONFIG),
                CONFIG.withStateDir(stateDir).streamsProperties())) {
            assertThat(driver.getAllStateStores().get(ViewStores.TASKS.storeName()).persistent()).isTrue();
        }
    }

    /** The names in a topology's description. */
    private record Nodes(Set<String> stores, Set<String> sinkTopics, Set<String> processors) {

        static Nodes of(Topology topology) {
            Nodes nodes = new Nodes(new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
                for (TopologyDescription.Node node : subtopology.nodes()) {
                    if (node instanceof TopologyDescription.Processor processor) {
                        nodes.stores.addAll(processor.stores());
                        nodes.processors.add(processor.name());
                    } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                        nodes.sinkTopics.add(sink.topic());
                    }
                }
            }
            return nodes;
        }
    }
}
