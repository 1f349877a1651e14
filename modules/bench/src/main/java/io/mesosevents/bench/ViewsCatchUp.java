package io.mesosevents.bench;

import io.mesosevents.replay.rebuild.GroupOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches a Kafka Streams application's consumer group (through {@link Admin}, as an operator's lag
 * check would) until it has committed, on every partition of every topic it reads, the offset a
 * read_committed consumer sees as the end: then every input record is processed, and every record it
 * wrote to its repartition topics too. Samples every {@value #INTERVAL_MILLIS} ms, so its times are
 * late by at most that (plus a sample's round trip).
 */
final class ViewsCatchUp implements AutoCloseable {

    static final long INTERVAL_MILLIS = 50;

    /**
     * @param firstCommitNanos when the group had first committed an offset ({@link System#nanoTime()})
     * @param caughtUpNanos    when every partition was first seen committed to its end
     */
    record Progress(long firstCommitNanos, long caughtUpNanos) {
    }

    private final Admin admin;
    private final String groupId;
    private final Set<String> topics;
    private List<TopicPartition> partitions = List.of();

    ViewsCatchUp(String bootstrapServers, String groupId, Set<String> topics) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        this.groupId = groupId;
        this.topics = Set.copyOf(topics);
    }

    /** Waits until caught up; fails when {@code application} ends first or the deadline passes. */
    Progress await(ChildJvm application, Deadline deadline) throws InterruptedException {
        long firstCommit = -1;
        while (true) {
            long sampledAt = System.nanoTime();
            Map<TopicPartition, Long> committed = committed();
            if (firstCommit < 0 && !committed.isEmpty()) {
                firstCommit = sampledAt;
            }
            if (firstCommit >= 0 && caughtUp(committed)) {
                return new Progress(firstCommit, sampledAt);
            }
            if (!application.alive()) {
                throw new IllegalStateException("The application's JVM ended before it processed its input");
            }
            deadline.require("group " + groupId + " to commit the end of " + topics);
            Thread.sleep(INTERVAL_MILLIS);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private Map<TopicPartition, Long> committed() throws InterruptedException {
        return GroupOffsets.committed(admin, groupId);
    }

    /** False while an internal topic does not exist yet: the application has not got that far. */
    private boolean caughtUp(Map<TopicPartition, Long> committed) throws InterruptedException {
        try {
            if (partitions.isEmpty()) {
                partitions = GroupOffsets.partitions(admin, topics);
            }
            return GroupOffsets.committedUpTo(committed, GroupOffsets.readCommitted(admin, partitions, OffsetSpec.latest()));
        } catch (IllegalStateException e) {
            if (GroupOffsets.isUnknownTopic(e)) {
                return false;
            }
            throw e;
        }
    }
}
