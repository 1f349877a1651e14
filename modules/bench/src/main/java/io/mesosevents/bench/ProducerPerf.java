package io.mesosevents.bench;

import io.mesosevents.ingestor.KafkaWriterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka's own producer-perf-test ({@code org.apache.kafka.tools.ProducerPerformance}), in a JVM of
 * its own as {@code kafka-producer-perf-test.sh} runs it, unthrottled, with {@code acks=all} and
 * the ingestor writer's {@code linger.ms}. It sends values only (no keys) of a fixed size.
 */
final class ProducerPerf {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerPerf.class);
    private static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    private final String bootstrapServers;
    private final Duration timeout;

    ProducerPerf(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** Plain idempotent producer, as the tool runs by default. */
    PerfResult plain(String topic, long records, int recordSize) throws InterruptedException {
        return run(topic, records, recordSize, List.of());
    }

    /** Transactions committed as often as the ingestor's writer commits them. */
    PerfResult transactional(String topic, long records, int recordSize) throws InterruptedException {
        return run(topic, records, recordSize,
                List.of("--transaction-duration-ms", Long.toString(KafkaWriterConfig.DEFAULT_COMMIT_INTERVAL.toMillis())));
    }

    private PerfResult run(String topic, long records, int recordSize, List<String> extra) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize),
                "--throughput", "-1",
                "--command-property", "acks=all", "linger.ms=5"));
        args.addAll(extra);
        LOG.info("Running ProducerPerformance {}", String.join(" ", args));
        try (ChildJvm tool = ChildJvm.start(MAIN_CLASS, args)) {
            return PerfResult.parse(tool.awaitExit(timeout));
        }
    }
}
