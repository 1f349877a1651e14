package io.mesosevents.replay.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer over a set of partition ranges: polls the records inside them, knows when each range
 * is read through, and lets a reader pause a partition it has enough of. A range counts as read
 * when the consumer's position reaches its end, since the last offsets may be transaction markers,
 * which are never delivered.
 */
final class RangeConsumer implements AutoCloseable {

    /** How long the log may stay silent while records are still due before replay gives up with a message. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private long lastProgress = System.nanoTime();

    RangeConsumer(Map<String, Object> consumerConfig, List<PartitionRange> ranges) {
        consumer = ReplayConsumers.create(consumerConfig);
        ranges.forEach(range -> ends.put(range.partition(), range.endOffset()));
        consumer.assign(ends.keySet());
        ranges.forEach(range -> consumer.seek(range.partition(), range.startOffset()));
    }

    /** True when every range is read through. */
    boolean finished() {
        return ends.isEmpty();
    }

    boolean finished(TopicPartition partition) {
        return !ends.containsKey(partition);
    }

    void pause(TopicPartition partition) {
        if (!finished(partition)) {
            consumer.pause(List.of(partition));
        }
    }

    void resume(TopicPartition partition) {
        if (!finished(partition)) {
            consumer.resume(List.of(partition));
        }
    }

    /** The next records inside the ranges, in offset order per partition; possibly none. */
    List<RawRecord> poll() {
        List<RawRecord> inside = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long end = ends.get(partition);
            if (end != null && record.offset() < end) {
                inside.add(new RawRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.key(), record.value()));
            }
        }
        retireReadRanges();
        if (!inside.isEmpty()) {
            lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
            throw new IllegalStateException("No records for " + STALL_LIMIT.toSeconds() + " s while " + ends.keySet()
                    + " still have some to read: is Kafka reachable?");
        }
        return inside;
    }

    private void retireReadRanges() {
        List<TopicPartition> done = new ArrayList<>();
        ends.forEach((partition, end) -> {
            if (consumer.position(partition) >= end) {
                done.add(partition);
            }
        });
        if (!done.isEmpty()) {
            done.forEach(ends::remove);
            consumer.pause(done);
            lastProgress = System.nanoTime();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
