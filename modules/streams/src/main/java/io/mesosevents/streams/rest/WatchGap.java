package io.mesosevents.streams.rest;

import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Changes a watch cannot deliver: the offsets it should have read from {@code from} on are no longer
 * in the log of one partition, so it goes on at {@code resumedAt}.
 *
 * @param type      the watched type
 * @param partition the topic partition
 * @param from      the offset the watch wanted to read next
 * @param resumedAt where it reads next instead
 * @param reason    {@value #RETENTION}: the records before the log start were deleted (retention, deleted
 *                  records); {@value #TRUNCATED}: the log ends before the wanted offset (the topic was
 *                  recreated or truncated), so changes made since may be missing too
 */
record WatchGap(WatchType type, TopicPartition partition, long from, long resumedAt, String reason) {

    static final String RETENTION = "retention";
    static final String TRUNCATED = "truncated";

    /** The gap left by wanting {@code wanted} in a log that now spans {@code [logStart, logEnd]}; none when it is inside. */
    static Optional<WatchGap> of(WatchType type, TopicPartition partition, long wanted, long logStart, long logEnd) {
        if (wanted < logStart) {
            return Optional.of(new WatchGap(type, partition, wanted, logStart, RETENTION));
        }
        if (wanted > logEnd) {
            return Optional.of(new WatchGap(type, partition, wanted, logEnd, TRUNCATED));
        }
        return Optional.empty();
    }
}
