package io.mesosevents.bench;

/**
 * The harness's knobs, read from system properties. A blank value means the default, so that the
 * {@code bench} Maven profile can pass every property through without repeating the defaults.
 *
 * @param events         events the simulator makes for the stream measurement
 * @param rate           events per second the simulator makes them at
 * @param snapshotTasks  live tasks in the snapshot measurement's cluster
 * @param snapshotAgents agents in the snapshot measurement's cluster
 * @param partitions     partitions of every topic the harness creates
 */
record BenchSettings(long events, long rate, int snapshotTasks, int snapshotAgents, int partitions) {

    static final long DEFAULT_EVENTS = 1_000_000;
    /**
     * Above what the ingestor takes, so that it always has a backlog, yet below what the simulator
     * can make: an unthrottled simulator holds its lock in a tight loop and can starve a
     * subscription for seconds, while the events it makes meanwhile only end up in the snapshot.
     */
    static final long DEFAULT_RATE = 50_000;
    static final int DEFAULT_SNAPSHOT_TASKS = 100_000;
    static final int DEFAULT_SNAPSHOT_AGENTS = 5_000;
    static final int DEFAULT_PARTITIONS = 3;

    BenchSettings {
        // The simulator must be able to queue the whole stream for one subscriber (an int).
        if (events < 1 || events > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("bench.events must be within 1.." + Integer.MAX_VALUE / 2 + ", was " + events);
        }
        if (rate < 1) {
            throw new IllegalArgumentException("bench.rate must be positive, was " + rate);
        }
        if (snapshotTasks < 0 || snapshotAgents < 1 || partitions < 1) {
            throw new IllegalArgumentException("bench.snapshotTasks must be >= 0, bench.snapshotAgents and bench.partitions >= 1");
        }
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                number("bench.events", DEFAULT_EVENTS),
                number("bench.rate", DEFAULT_RATE),
                (int) number("bench.snapshotTasks", DEFAULT_SNAPSHOT_TASKS),
                (int) number("bench.snapshotAgents", DEFAULT_SNAPSHOT_AGENTS),
                (int) number("bench.partitions", DEFAULT_PARTITIONS));
    }

    /** Accepts Java-style digit groups, {@code 1_000_000}, as the defaults are written. */
    private static long number(String property, long fallback) {
        String value = System.getProperty(property, "").strip().replace("_", "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, was '" + System.getProperty(property) + "'", e);
        }
    }
}
