package io.mesosevents.bench;

import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Creates the topics of a run on the benchmark's broker, all with the same number of partitions. */
final class BenchTopics {

    static final List<Topic> MESOS = List.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS,
            Topic.MESOS_OTHER_EVENTS);

    private final String bootstrapServers;
    private final int partitions;

    BenchTopics(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    /** Every topic of the contract under {@code prefix}, as the ingestor expects them; returns the names of {@code wanted}. */
    List<String> provision(String prefix, List<Topic> wanted) throws InterruptedException {
        try (Admin admin = admin()) {
            new TopicProvisioner(admin, bootstrapServers).provision(prefix, Optional.of(partitions), Optional.empty());
        }
        return wanted.stream().map(topic -> topic.name(prefix)).toList();
    }

    /** A plain topic, for ProducerPerformance. */
    String create(String name) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()))).all().get();
        }
        return name;
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }
}
