package io.mesosevents.streams.rest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset of every partition one watch reads, moved on record by record as the watch sends or
 * filters them out, so that the token taken after a record covers exactly the records handled so far.
 * Belongs to one watch's thread.
 */
final class WatchProgress {

    private final Map<TopicPartition, WatchType> types;
    private final Map<TopicPartition, Long> next;

    /** @param start the first offset to read in every partition, and the type each partition is of */
    WatchProgress(Map<TopicPartition, Long> start, Map<TopicPartition, WatchType> types) {
        this.types = Map.copyOf(types);
        this.next = new LinkedHashMap<>(start);
    }

    WatchType typeOf(TopicPartition partition) {
        return types.get(partition);
    }

    /** The record before {@code nextOffset} in {@code partition} has been handled. */
    void advance(TopicPartition partition, long nextOffset) {
        next.put(partition, nextOffset);
    }

    /**
     * Takes the consumer's positions after a whole batch has been handled: they also step over what never
     * reaches the watch (transaction markers, aborted records).
     */
    void catchUp(Consumer<?, ?> consumer) {
        next.replaceAll((partition, offset) -> consumer.position(partition));
    }

    WatchPositions positions() {
        Map<WatchType, List<Long>> offsets = new EnumMap<>(WatchType.class);
        next.forEach((partition, offset) -> {
            List<Long> partitions = offsets.computeIfAbsent(types.get(partition), type -> new ArrayList<>());
            while (partitions.size() <= partition.partition()) {
                partitions.add(0L);
            }
            partitions.set(partition.partition(), offset);
        });
        return new WatchPositions(offsets);
    }

    String token() {
        return WatchTokenCodec.encode(positions());
    }
}
