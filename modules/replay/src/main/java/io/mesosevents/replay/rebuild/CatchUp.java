package io.mesosevents.replay.rebuild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a new views application has folded the history, measured from outside it, as an operator's
 * lag check would: the offsets its consumer group has committed, read with {@link Admin}.
 *
 * <p>Why committed offsets: the views run exactly-once, so a committed offset means the input before it
 * is folded into the stores <em>and</em> everything that input wrote (repartition records, changelog and
 * output records) is committed in the same transaction. Consumer positions or Kafka Streams' lag metrics
 * run ahead of that. The measure also works whichever process hosts the tasks.
 *
 * <p>The history is the event topics' read_committed end when the rebuild starts ({@link #begin}); events
 * ingested later are the live tail, which the application keeps folding after the cut-over. The views are
 * complete when the group has committed that end on every event-topic partition <em>and</em> the current
 * end of every internal topic: a repartitioned or foreign-key-joined record lands there only after its
 * source record is committed, so one sample where both hold leaves nothing in flight. (Committed offsets
 * are read before the internal ends, so the ends cannot be older than the offsets they are compared to.)
 */
final class CatchUp {

    /**
     * One look at the group.
     *
     * @param processed event records folded since the start (committed past), at most {@code total}
     * @param total     event records in the history at the start
     * @param caughtUp  the history and everything it wrote to the internal topics is folded
     */
    record Sample(long processed, long total, boolean caughtUp) {
    }

    private final Admin admin;
    private final String groupId;
    private final Set<String> internalTopics;
    private final Map<TopicPartition, Long> starts;
    private final Map<TopicPartition, Long> targets;
    private final long total;
    private List<TopicPartition> internalPartitions = List.of();

    private CatchUp(Admin admin, String groupId, Set<String> internalTopics, Map<TopicPartition, Long> starts,
                    Map<TopicPartition, Long> targets) {
        this.admin = admin;
        this.groupId = groupId;
        this.internalTopics = internalTopics;
        this.starts = Map.copyOf(starts);
        this.targets = Map.copyOf(targets);
        this.total = targets.entrySet().stream().mapToLong(target -> Math.max(0, target.getValue() - starts.get(target.getKey()))).sum();
    }

    /**
     * Takes the history's end on every partition of the event topics, and where {@code groupId} starts:
     * its committed offset if it has one (a rebuild that was stopped and started again), else the first
     * offset still retained, where Kafka Streams begins a new application.
     */
    static CatchUp begin(Admin admin, String groupId, InputTopics topics) throws InterruptedException {
        List<TopicPartition> partitions = GroupOffsets.partitions(admin, topics.external());
        Map<TopicPartition, Long> earliest = GroupOffsets.readCommitted(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = GroupOffsets.readCommitted(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> committed = GroupOffsets.committed(admin, groupId);
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (TopicPartition partition : partitions) {
            starts.put(partition, Math.max(earliest.get(partition), committed.getOrDefault(partition, 0L)));
        }
        return new CatchUp(admin, groupId, topics.internal(), starts, latest);
    }

    long total() {
        return total;
    }

    Sample sample() throws InterruptedException {
        Map<TopicPartition, Long> committed = GroupOffsets.committed(admin, groupId);
        long processed = 0;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            long start = starts.get(target.getKey());
            long at = committed.getOrDefault(target.getKey(), start);
            processed += Math.max(0, Math.min(at, target.getValue()) - start);
        }
        boolean caughtUp = processed == total && internalTopicsRead(committed);
        return new Sample(processed, total, caughtUp);
    }

    /** False while an internal topic does not exist yet: the application has not got that far. */
    private boolean internalTopicsRead(Map<TopicPartition, Long> committed) throws InterruptedException {
        if (internalTopics.isEmpty()) {
            return true;
        }
        try {
            if (internalPartitions.isEmpty()) {
                internalPartitions = GroupOffsets.partitions(admin, internalTopics);
            }
            return GroupOffsets.committedUpTo(committed, GroupOffsets.readCommitted(admin, internalPartitions, OffsetSpec.latest()));
        } catch (IllegalStateException e) {
            if (GroupOffsets.isUnknownTopic(e)) {
                return false;
            }
            throw e;
        }
    }
}
