package io.mesosevents.bench;

/**
 * The knobs of the replay suite ({@link ReplayBench}), read from {@code bench.replay.*} system
 * properties; blank means the default, {@code _} digit groups are allowed.
 *
 * @param events      events in the log that export and the consumer-perf-test read (default {@value #DEFAULT_EVENTS})
 * @param stateEvents events in the smaller log that {@code replay state --as-of} folds, which runs the views
 *                    offline at a few hundred events/s (default {@value #DEFAULT_STATE_EVENTS}; 0 skips it)
 * @param partitions  partitions of every event topic (default {@value #DEFAULT_PARTITIONS})
 */
record ReplayBenchSettings(long events, long stateEvents, int partitions) {

    static final long DEFAULT_EVENTS = 1_000_000;
    static final long DEFAULT_STATE_EVENTS = 100_000;
    static final int DEFAULT_PARTITIONS = 6;

    static ReplayBenchSettings fromSystemProperties() {
        return new ReplayBenchSettings(number("bench.replay.events", DEFAULT_EVENTS),
                number("bench.replay.stateEvents", DEFAULT_STATE_EVENTS),
                (int) number("bench.replay.partitions", DEFAULT_PARTITIONS));
    }

    /** The views suite's generator settings for a history of {@code events}: its apps and agents, tasks scaled down for small logs. */
    static ViewsBenchSettings history(long events, int partitions) {
        int tasks = (int) Math.max(ViewsBenchSettings.DEFAULT_APPS,
                Math.min(ViewsBenchSettings.DEFAULT_TASKS, (events - ViewsBenchSettings.DEFAULT_APPS - ViewsBenchSettings.DEFAULT_AGENTS) / 20));
        return new ViewsBenchSettings(events, tasks, ViewsBenchSettings.DEFAULT_APPS, ViewsBenchSettings.DEFAULT_AGENTS, partitions,
                ViewsBenchSettings.DEFAULT_SEED, ViewsBenchSettings.DEFAULT_REST_RATE, ViewsBenchSettings.DEFAULT_REST_SECONDS,
                ViewsBenchSettings.DEFAULT_REST_WARM_UP_SECONDS, ViewsBenchSettings.DEFAULT_REST_KEYS);
    }

    private static long number(String property, long fallback) {
        String value = System.getProperty(property, "").strip().replace("_", "");
        return value.isEmpty() ? fallback : Long.parseLong(value);
    }
}
