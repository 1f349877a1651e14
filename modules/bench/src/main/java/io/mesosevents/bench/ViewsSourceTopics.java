package io.mesosevents.bench;

import io.mesosevents.model.Topic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every topic a Kafka Streams application's consumer group reads: the event topics it names and its
 * internal ones (repartition topics, foreign-key join subscription topics), which the topology
 * describes without the {@code <application id>-} prefix they get on the broker. The application has
 * processed all its input only once its group has committed the end of each of them.
 */
final class ViewsSourceTopics {

    private ViewsSourceTopics() {
    }

    static Set<String> of(Topology topology, String applicationId, String topicPrefix) {
        Set<String> external = Arrays.stream(Topic.values()).map(topic -> topic.name(topicPrefix)).collect(Collectors.toSet());
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    if (source.topicSet() == null) {
                        throw new IllegalArgumentException("A source reads a topic pattern: " + source);
                    }
                    source.topicSet().forEach(name -> topics.add(external.contains(name) ? name : applicationId + "-" + name));
                }
            }
        }
        return topics;
    }
}
