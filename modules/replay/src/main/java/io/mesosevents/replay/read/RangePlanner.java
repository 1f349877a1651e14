package io.mesosevents.replay.read;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a time range into the offsets to read, partition by partition, with Kafka's time index:
 * from the first record at or after {@code from} (or the start of retention) to the first record
 * after {@code to} (or the last committed record). Record times are the producer's: the ingestor's
 * write time of each event, the same clock the views' history uses.
 */
public final class RangePlanner {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerConfig;
    private final Clock clock;

    public RangePlanner(Map<String, Object> consumerConfig) {
        this(consumerConfig, Clock.systemUTC());
    }

    RangePlanner(Map<String, Object> consumerConfig, Clock clock) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.clock = clock;
    }

    /**
     * The ranges of {@code topics} between {@code from} (empty: the start of retention) and {@code to},
     * both inclusive. An empty plan when nothing was written then; a {@link ReplayRangeException} when
     * {@code to} is in the future or before {@code from}, when a topic does not exist, or when
     * {@code from} is older than a partition's oldest retained record while older ones were deleted.
     */
    public ReadPlan plan(Collection<String> topics, Optional<Instant> from, Instant to) {
        Instant now = clock.instant();
        if (to.isAfter(now)) {
            throw new ReplayRangeException("The end of the range " + to + " is in the future (now is " + now
                    + "): the log reaches up to now only");
        }
        if (from.isPresent() && from.get().isAfter(to)) {
            throw new ReplayRangeException("The range starts at " + from.get() + ", after its end " + to);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = ReplayConsumers.create(consumerConfig)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topics);
            // Assigned, so the consumer keeps the last stable offsets that read_committed end offsets come from.
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            Map<TopicPartition, OffsetAndTimestamp> afterTo = consumer.offsetsForTimes(
                    timestamps(partitions, to.toEpochMilli() + 1), METADATA_TIMEOUT);
            Map<TopicPartition, OffsetAndTimestamp> atFrom = from.isEmpty() ? Map.of()
                    : consumer.offsetsForTimes(timestamps(partitions, from.get().toEpochMilli()), METADATA_TIMEOUT);
            Map<TopicPartition, OffsetAndTimestamp> oldest = from.isEmpty() ? Map.of()
                    : consumer.offsetsForTimes(timestamps(partitions, 0), METADATA_TIMEOUT);

            List<PartitionRange> ranges = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long end = Optional.ofNullable(afterTo.get(partition)).map(OffsetAndTimestamp::offset)
                        .map(offset -> Math.min(offset, ends.get(partition))).orElse(ends.get(partition));
                long start = beginnings.get(partition);
                if (from.isPresent()) {
                    checkRetained(partition, from.get(), beginnings.get(partition), oldest.get(partition));
                    start = Optional.ofNullable(atFrom.get(partition)).map(OffsetAndTimestamp::offset).orElse(end);
                }
                ranges.add(new PartitionRange(partition, Math.min(start, end), end));
            }
            return new ReadPlan(ranges);
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(METADATA_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = existing.get(topic);
            if (infos == null) {
                throw new ReplayRangeException("The topic " + topic + " does not exist (is the topic prefix right?)");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /**
     * Records before {@code from} may have been deleted by retention only when the log no longer starts
     * at offset 0; then the oldest retained record tells whether {@code from} still lies in the log.
     */
    private static void checkRetained(TopicPartition partition, Instant from, long beginning, OffsetAndTimestamp oldest) {
        if (beginning > 0 && oldest != null && from.toEpochMilli() < oldest.timestamp()) {
            throw new ReplayRangeException("The range starts at " + from + ", before what " + partition
                    + " retains: its oldest record is from " + Instant.ofEpochMilli(oldest.timestamp())
                    + " (older ones were deleted by retention). Start at " + Instant.ofEpochMilli(oldest.timestamp())
                    + " or later, or leave the start out to read from the start of retention");
        }
    }

    private static Map<TopicPartition, Long> timestamps(List<TopicPartition> partitions, long timestamp) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, timestamp));
        return query;
    }
}
