package io.mesosevents.replay.rebuild;

import io.mesosevents.model.Topic;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Every topic a views application's consumer group reads, split by who writes it.
 *
 * @param external the event topics, written by the ingestor: their end at the start of a rebuild is
 *                 the history the rebuild must fold
 * @param internal the application's own repartition and foreign-key subscription topics
 *                 ({@code <application id>-…}), which it writes while it folds the history; the views
 *                 are complete only once these are read to their end too
 */
public record InputTopics(Set<String> external, Set<String> internal) {

    public InputTopics {
        external = Set.copyOf(external);
        internal = Set.copyOf(internal);
    }

    /**
     * The source topics of {@code topology}. Its description names internal topics without the
     * {@code <application id>-} prefix they have on the broker; any source that is not one of the
     * project's topics under {@code topicPrefix} is internal.
     */
    public static InputTopics of(Topology topology, String applicationId, String topicPrefix) {
        Set<String> known = Arrays.stream(Topic.values()).map(topic -> topic.name(topicPrefix)).collect(Collectors.toSet());
        Set<String> external = new TreeSet<>();
        Set<String> internal = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    if (source.topicSet() == null) {
                        throw new IllegalArgumentException("A source of the views reads a topic pattern: " + source);
                    }
                    for (String name : source.topicSet()) {
                        if (known.contains(name)) {
                            external.add(name);
                        } else {
                            internal.add(applicationId + "-" + name);
                        }
                    }
                }
            }
        }
        return new InputTopics(external, internal);
    }
}
