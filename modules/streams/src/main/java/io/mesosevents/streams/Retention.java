package io.mesosevents.streams;

import java.time.Duration;

/** How often the views scan their stores for rows past a retention. */
final class Retention {

    private static final Duration LONGEST_SCAN_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SHORTEST_SCAN_INTERVAL = Duration.ofSeconds(1);

    private Retention() {
    }

    /** A tenth of the retention, between one second and one minute: rows outlive it by at most a tenth. */
    static Duration scanInterval(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        if (tenth.compareTo(SHORTEST_SCAN_INTERVAL) < 0) {
            return SHORTEST_SCAN_INTERVAL;
        }
        return tenth.compareTo(LONGEST_SCAN_INTERVAL) > 0 ? LONGEST_SCAN_INTERVAL : tenth;
    }
}
