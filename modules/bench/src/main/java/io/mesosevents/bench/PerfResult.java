package io.mesosevents.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProducerPerformance's summary of one run, as it prints it.
 *
 * @param records          records sent
 * @param recordsPerSecond its own throughput figure: from its start to the last acknowledgement
 * @param megabytesPerSecond the same in MB/s of values
 * @param averageLatencyMs from send to acknowledgement
 * @param maxLatencyMs     the worst of them
 */
record PerfResult(long records, double recordsPerSecond, double megabytesPerSecond, double averageLatencyMs, double maxLatencyMs) {

    // The summary line differs from the periodic ones by its percentiles.
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, .*50th.*");

    static PerfResult parse(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher summary = SUMMARY.matcher(output.get(i).strip());
            if (summary.matches()) {
                return new PerfResult(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                        Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)), Double.parseDouble(summary.group(5)));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary line: " + output);
    }
}
