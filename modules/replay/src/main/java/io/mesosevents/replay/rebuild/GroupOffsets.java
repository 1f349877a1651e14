package io.mesosevents.replay.rebuild;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What an operator's lag check reads with {@link Admin} to see how far a Kafka Streams application
 * has got: the partitions of its topics, their read_committed offsets, and what its consumer group
 * has committed. A lookup that fails is an {@link IllegalStateException} whose cause is Kafka's.
 */
public final class GroupOffsets {

    private GroupOffsets() {
    }

    /** Every partition of {@code topics}. */
    public static List<TopicPartition> partitions(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot describe the topics " + topics + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Read-committed offsets: an open transaction is not there yet for an application that reads committed only. */
    public static Map<TopicPartition, Long> readCommitted(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + partitions + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The offsets {@code groupId} has committed, by partition; none for a group that has committed nothing. */
    public static Map<TopicPartition, Long> committed(Admin admin, String groupId) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    result.put(partition, offset.offset());
                }
            });
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the committed offsets of group '" + groupId + "': " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Whether every partition of {@code ends} is committed up to its offset there. */
    public static boolean committedUpTo(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    /** Whether a lookup failed because a topic does not exist (yet): an application's internal topics appear as it gets going. */
    public static boolean isUnknownTopic(IllegalStateException failure) {
        return failure.getCause() instanceof UnknownTopicOrPartitionException;
    }
}
