package io.mesosevents.bench;

import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Times one Kafka Streams application, in a JVM of its own, through input that is already on the
 * broker: from {@code start()} until its consumer group has committed the end of every topic it reads
 * ({@link ViewsCatchUp}), its internal topics included. A fresh application id every time, so it
 * starts from the beginning with empty stores.
 */
final class ViewsThroughputMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(ViewsThroughputMeasurement.class);
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Duration timeout;

    ViewsThroughputMeasurement(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /**
     * @param tag       what the child reports as ({@code views} or {@code bare})
     * @param child     the main class: {@link ViewsAppChild} or {@link BareReduceChild}
     * @param childArgs its arguments ({@link ViewsChildConfig#args})
     * @param topology  the same topology as the child builds, for the topics it reads
     * @param records   the input records it will read
     */
    ViewsThroughput measure(String tag, Class<?> child, List<String> childArgs, String applicationId, Topology topology, long records)
            throws InterruptedException {
        Set<String> topics = ViewsSourceTopics.of(topology, applicationId, ViewsBench.TOPIC_PREFIX);
        LOG.info("Timing {} ({}) over {} input records; it reads {}", child.getSimpleName(), applicationId, records, topics);
        try (ChildJvm application = ChildJvm.start(child, childArgs);
             ViewsCatchUp catchUp = new ViewsCatchUp(bootstrapServers, applicationId, topics)) {
            application.awaitLine("ready", CHILD_START);
            long start = System.nanoTime();
            application.send("start");
            application.awaitLine("started", REPLY);
            ViewsCatchUp.Progress progress = catchUp.await(application, Deadline.in(timeout));
            application.send("stop");
            ReportLine report = ReportLine.parse(application.awaitLine(tag, REPLY));
            ViewsThroughput result = new ViewsThroughput(records, progress.caughtUpNanos() - start,
                    progress.firstCommitNanos() - start, HeapFigures.from(report));
            LOG.info("{}: {} records in {} s, {} records/s", child.getSimpleName(), records,
                    String.format("%.2f", result.seconds()), String.format("%.0f", result.perSecond()));
            return result;
        }
    }
}
