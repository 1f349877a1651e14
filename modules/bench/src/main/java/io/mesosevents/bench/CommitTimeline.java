package io.mesosevents.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Watches how far a read_committed consumer could read some topics: polls the broker for their
 * last stable offsets every {@value #INTERVAL_MILLIS} ms, on a thread of its own, and keeps every
 * change with the time it was seen. A record counts as committed from the first sample that
 * shows it, so a time taken from here is late by at most one interval (plus the poll's round trip).
 * Polling offsets is cheap for the broker, unlike a consumer reading every record as it lands,
 * which would compete with the ingestor for the CPU.
 */
final class CommitTimeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitTimeline.class);
    static final long INTERVAL_MILLIS = 10;

    /** The committed (stable) end offset of every partition at {@code nanos} ({@link System#nanoTime()}). */
    record Sample(long nanos, Map<TopicPartition, Long> committed) {
    }

    private final Admin admin;
    private final Map<TopicPartition, OffsetSpec> request;
    // Written by the sampler thread only; read by others while it runs.
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private CommitTimeline(Admin admin, Collection<TopicPartition> partitions) {
        this.admin = admin;
        this.request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        this.sampler = new Thread(this::run, "commit-timeline");
        sampler.setDaemon(true);
    }

    static CommitTimeline start(Map<String, Object> clientProperties, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        Admin admin = Admin.create(Map.of("bootstrap.servers", clientProperties.get("bootstrap.servers")));
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        CommitTimeline timeline = new CommitTimeline(admin, partitions);
        timeline.sampler.start();
        return timeline;
    }

    /** When the committed offsets last changed; empty while they never did. */
    OptionalLong lastChangeNanos() {
        synchronized (samples) {
            return samples.size() < 2 ? OptionalLong.empty() : OptionalLong.of(samples.get(samples.size() - 1).nanos());
        }
    }

    /**
     * Waits until the offsets changed at least once and then stayed put for {@code quiet}: the
     * {@code writer} has committed all it had.
     */
    void awaitQuiet(Duration quiet, ChildJvm writer, Deadline deadline) throws InterruptedException {
        while (true) {
            OptionalLong last = lastChangeNanos();
            if (last.isPresent() && System.nanoTime() - last.getAsLong() >= quiet.toNanos()) {
                return;
            }
            if (!writer.alive()) {
                throw new IllegalStateException("The writer's JVM ended before it committed everything");
            }
            deadline.require("the writer to commit everything");
            Thread.sleep(INTERVAL_MILLIS * 10);
        }
    }

    /**
     * The first time every partition of {@code offsets} had the record at its offset committed;
     * {@code what} names those records for the failure when they never were.
     */
    long firstCommitted(Map<TopicPartition, Long> offsets, String what) {
        if (offsets.isEmpty()) {
            throw new IllegalStateException("The ingestor wrote no " + what);
        }
        synchronized (samples) {
            return samples.stream()
                    .filter(sample -> offsets.entrySet().stream().allMatch(e -> sample.committed().getOrDefault(e.getKey(), 0L) > e.getValue()))
                    .mapToLong(Sample::nanos)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The commit of " + what + " was never seen"));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close();
        }
    }

    private void run() {
        ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        while (running) {
            try {
                Map<TopicPartition, Long> committed = admin.listOffsets(request, committedOnly).all().get().entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().offset()));
                long now = System.nanoTime();
                synchronized (samples) {
                    if (samples.isEmpty() || !samples.get(samples.size() - 1).committed().equals(committed)) {
                        samples.add(new Sample(now, committed));
                    }
                }
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("Reading the committed offsets failed: {}", e.getCause().getMessage());
            }
        }
    }
}
