package io.mesosevents.streams.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a new watch starts reading, in every partition of the topics of its types: at the current end
 * (live changes only) without a resume token; with one, at its offsets, moved into the log where the log
 * no longer holds them (the gaps). A type the token does not cover starts at the end, a partition added
 * since the token was made at its beginning (everything in it is newer than the token).
 *
 * @param progress the positions, also set on the consumer
 * @param gaps     what could not be resumed
 */
record WatchStart(WatchProgress progress, List<WatchGap> gaps) {

    WatchStart {
        gaps = List.copyOf(gaps);
    }

    /**
     * Assigns {@code consumer} every partition of the watched topics and seeks it to where the watch starts.
     * A 503 when a topic does not exist or Kafka does not answer within {@code timeout}.
     */
    static WatchStart place(Consumer<?, ?> consumer, WatchSources sources, Set<WatchType> types,
                            Optional<WatchPositions> resume, Duration timeout, Duration retryAfter) {
        try {
            Map<TopicPartition, WatchType> partitions = new LinkedHashMap<>();
            for (WatchType type : WatchType.values()) {
                if (types.contains(type)) {
                    partitionsOf(consumer, sources.topic(type), timeout, retryAfter)
                            .forEach(partition -> partitions.put(partition, type));
                }
            }
            // Assigned first: the consumer keeps the last stable offsets it learns only for its own partitions.
            consumer.assign(partitions.keySet());
            Map<TopicPartition, Long> logStarts = consumer.beginningOffsets(partitions.keySet(), timeout);
            // Under read_committed these are the last stable offsets: nothing past them can be read yet.
            Map<TopicPartition, Long> logEnds = consumer.endOffsets(partitions.keySet(), timeout);
            Map<TopicPartition, Long> start = new LinkedHashMap<>();
            List<WatchGap> gaps = new ArrayList<>();
            partitions.forEach((partition, type) -> {
                long logStart = logStarts.get(partition);
                long logEnd = logEnds.get(partition);
                long position = logEnd;
                if (resume.isPresent() && resume.get().covers(type)) {
                    long wanted = resume.get().offset(type, partition.partition()).orElse(logStart);
                    Optional<WatchGap> gap = WatchGap.of(type, partition, wanted, logStart, logEnd);
                    gap.ifPresent(gaps::add);
                    position = gap.map(WatchGap::resumedAt).orElse(wanted);
                }
                start.put(partition, position);
            });
            start.forEach(consumer::seek);
            return new WatchStart(new WatchProgress(start, partitions), gaps);
        } catch (KafkaException e) {
            // Timeouts, unreachable brokers, missing rights: the watch cannot start now.
            throw ApiError.unavailable("cannot start the watch: " + e.getMessage(), retryAfter);
        }
    }

    private static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, String topic, Duration timeout,
                                                     Duration retryAfter) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw ApiError.unavailable("the topic " + topic + " does not exist (yet)", retryAfter);
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted((left, right) -> Integer.compare(left.partition(), right.partition())).toList();
    }
}
