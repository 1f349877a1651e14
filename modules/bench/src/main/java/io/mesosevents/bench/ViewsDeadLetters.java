package io.mesosevents.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts the records in the views' dead-letter topic: input the views could not read or fold is
 * logged, skipped and copied there, so a fast run with dead letters is not a fast run.
 */
final class ViewsDeadLetters {

    private ViewsDeadLetters() {
    }

    static long count(String bootstrapServers, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(end -> end.offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot count the records of " + topic, e.getCause());
        }
    }
}
