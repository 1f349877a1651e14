package io.mesosevents.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latencies of one open-loop run, each measured from the moment its request was due (not when it
 * was actually sent), so that a stall delays the requests due meanwhile and is counted against them
 * instead of being hidden (coordinated omission).
 *
 * @param requests     requests sent
 * @param errors       answers other than 200 and requests that failed or timed out, by cause
 * @param misrouted    200 answers from another instance than expected (the assignment moved)
 * @param sortedNanos  every request's latency, ascending, errors included
 * @param maxSendLagNanos the most a request left after it was due: the load generator's own lateness
 * @param elapsedNanos from the first request due to the last answer
 */
record LatencyFigures(int requests, Map<String, Integer> errors, int misrouted, long[] sortedNanos, long maxSendLagNanos,
                      long elapsedNanos) {

    LatencyFigures {
        errors = Map.copyOf(new TreeMap<>(errors));
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The {@code quantile} (0..1] latency by nearest rank, in milliseconds. */
    double millis(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return millis(1.0);
    }

    double meanMillis() {
        return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6;
    }

    /** Requests answered per second over the run. */
    double achievedRate() {
        return requests / (elapsedNanos / 1e9);
    }
}
