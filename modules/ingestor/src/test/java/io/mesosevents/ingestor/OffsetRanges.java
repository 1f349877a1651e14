package io.mesosevents.ingestor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Offset ranges of partitions, as the broker reports them: a partition ends at its high watermark
 * for read_uncommitted consumers and at its last stable offset (the first offset of the oldest open
 * transaction) for read_committed ones, so where the two differ a transaction is open.
 */
final class OffsetRanges {

    /** Offsets {@code from} (inclusive) to {@code to} (exclusive). */
    record Range(long from, long to) {

        boolean contains(long offset) {
            return offset >= from && offset < to;
        }
    }

    private OffsetRanges() {
    }

    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
    }

    /** Every partition from its start to where a read_committed consumer stops now. */
    static Map<TopicPartition, Range> committed(Admin admin, Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        return ends(admin, partitions, IsolationLevel.READ_COMMITTED).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> new Range(0, end.getValue())));
    }

    /** The records of the transactions open now: from the last stable offset to the high watermark, where those differ. */
    static Map<TopicPartition, Range> openTransactions(Admin admin, Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> stable = ends(admin, partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> high = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
        return stable.entrySet().stream().filter(end -> end.getValue() < high.get(end.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, end -> new Range(end.getValue(), high.get(end.getKey()))));
    }

    static Map<TopicPartition, Long> ends(Admin admin, Collection<TopicPartition> partitions, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    }
}
