package io.mesosevents.replay.read;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads some partition ranges with one consumer, each partition in offset order (and so each key in
 * the order it was written), partitions interleaved as the consumer fetches them. Holds at most one
 * poll's records.
 */
public final class PartitionReader implements Iterator<RawRecord>, AutoCloseable {

    private final RangeConsumer consumer;
    private final ArrayDeque<RawRecord> polled = new ArrayDeque<>();

    public PartitionReader(Map<String, Object> consumerConfig, List<PartitionRange> ranges) {
        this.consumer = new RangeConsumer(consumerConfig, ranges);
    }

    @Override
    public boolean hasNext() {
        while (polled.isEmpty() && !consumer.finished()) {
            polled.addAll(consumer.poll());
        }
        return !polled.isEmpty();
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("every range is read");
        }
        return polled.poll();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
