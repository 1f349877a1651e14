package io.mesosevents.replay.read;

import org.apache.kafka.common.TopicPartition;

/** The offsets of one partition to read: from {@code startOffset} up to {@code endOffset}, exclusive. */
public record PartitionRange(TopicPartition partition, long startOffset, long endOffset) {

    public PartitionRange {
        if (endOffset < startOffset) {
            throw new IllegalArgumentException(partition + ": end offset " + endOffset + " is before start offset " + startOffset);
        }
    }

    /** How many offsets the range spans; transaction markers among them are no records, so this is an upper bound. */
    public long offsets() {
        return endOffset - startOffset;
    }
}
