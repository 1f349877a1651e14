package io.mesosevents.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The bytes every topic holds on the brokers' disks (log segments, all partitions and replicas):
 * what an application wrote to Kafka, set against what it read. Nothing is compacted or deleted
 * within a run, so this is all that was written.
 */
final class ViewsTopicBytes {

    private final Map<String, Long> bytes;

    private ViewsTopicBytes(Map<String, Long> bytes) {
        this.bytes = Map.copyOf(bytes);
    }

    static ViewsTopicBytes read(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<String, Long> bytes = new HashMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((partition, replica) -> bytes.merge(partition.topic(), replica.size(), Long::sum))));
            return new ViewsTopicBytes(bytes);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the size of the topics", e.getCause());
        }
    }

    long sum(Predicate<String> topics) {
        return bytes.entrySet().stream().filter(e -> topics.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
