package io.mesosevents.replay.read;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a plan as one stream in record-time order across all its partitions — how the views see
 * the cluster's history — without reordering any partition: the next record is the earliest head
 * of the partitions' buffers, so it is only chosen once every partition still being read has one.
 * Each buffer holds at most {@link #BUFFER} records; a full one pauses its partition.
 */
public final class TimeOrderedReader implements Iterator<RawRecord>, AutoCloseable {

    private static final int BUFFER = 1_000;
    private static final Comparator<ArrayDeque<RawRecord>> BY_HEAD = Comparator
            .comparingLong((ArrayDeque<RawRecord> buffer) -> buffer.peek().timestamp())
            .thenComparing(buffer -> buffer.peek().topic())
            .thenComparingInt(buffer -> buffer.peek().partition());

    private final RangeConsumer consumer;
    private final Map<TopicPartition, ArrayDeque<RawRecord>> buffers = new HashMap<>();
    private final PriorityQueue<ArrayDeque<RawRecord>> heads = new PriorityQueue<>(BY_HEAD);

    public TimeOrderedReader(Map<String, Object> consumerConfig, ReadPlan plan) {
        this.consumer = new RangeConsumer(consumerConfig, plan.ranges());
        plan.ranges().forEach(range -> buffers.put(range.partition(), new ArrayDeque<>()));
    }

    @Override
    public boolean hasNext() {
        fillUntilEveryLivePartitionHasAHead();
        return !heads.isEmpty();
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("every range is read");
        }
        ArrayDeque<RawRecord> buffer = heads.poll();
        RawRecord record = buffer.poll();
        if (!buffer.isEmpty()) {
            heads.add(buffer);
        }
        if (buffer.size() < BUFFER / 2) {
            consumer.resume(new TopicPartition(record.topic(), record.partition()));
        }
        return record;
    }

    private void fillUntilEveryLivePartitionHasAHead() {
        while (someLivePartitionIsEmpty()) {
            for (RawRecord record : consumer.poll()) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                ArrayDeque<RawRecord> buffer = buffers.get(partition);
                if (buffer.isEmpty()) {
                    buffer.add(record);
                    heads.add(buffer);
                } else {
                    buffer.add(record);
                }
                if (buffer.size() >= BUFFER) {
                    consumer.pause(partition);
                }
            }
        }
    }

    private boolean someLivePartitionIsEmpty() {
        for (Map.Entry<TopicPartition, ArrayDeque<RawRecord>> entry : buffers.entrySet()) {
            if (entry.getValue().isEmpty() && !consumer.finished(entry.getKey())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
