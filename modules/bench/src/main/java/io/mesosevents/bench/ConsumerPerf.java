package io.mesosevents.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own consumer-perf-test ({@code org.apache.kafka.tools.ConsumerPerformance}), in a JVM of its
 * own as {@code kafka-consumer-perf-test.sh} runs it: it reads the given number of records from the
 * topics matching a pattern, as raw bytes, in a fresh group, and prints one summary line.
 */
final class ConsumerPerf {

    /**
     * Its summary.
     *
     * @param records          records read
     * @param recordsPerSecond over its whole run, the group join included
     * @param fetchRecordsPerSecond over the fetch time only
     */
    record Result(long records, double recordsPerSecond, double fetchRecordsPerSecond) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPerf.class);
    private static final String MAIN_CLASS = "org.apache.kafka.tools.ConsumerPerformance";
    // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
    private static final Pattern SUMMARY = Pattern.compile("^[^,]+, [^,]+, [\\d.]+, [\\d.]+, \\d+, [\\d.]+, -?\\d+, \\d+, [\\d.]+, [\\d.]+$");

    private final String bootstrapServers;
    private final Duration timeout;

    ConsumerPerf(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    Result run(String topicPattern, long records) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrapServers, "--include", topicPattern,
                "--messages", Long.toString(records), "--timeout", Long.toString(timeout.toMillis()),
                "--group", "bench-consumer-perf-" + System.nanoTime()));
        LOG.info("Running ConsumerPerformance {}", String.join(" ", args));
        try (ChildJvm tool = ChildJvm.start(MAIN_CLASS, args)) {
            List<String> output = tool.awaitExit(timeout.plusSeconds(30));
            for (int i = output.size() - 1; i >= 0; i--) {
                String line = output.get(i).strip();
                if (SUMMARY.matcher(line).matches()) {
                    String[] fields = line.split(", ");
                    return new Result(Long.parseLong(fields[4]), Double.parseDouble(fields[5]), Double.parseDouble(fields[9]));
                }
            }
            throw new IllegalStateException("ConsumerPerformance printed no summary line: " + output);
        }
    }
}
