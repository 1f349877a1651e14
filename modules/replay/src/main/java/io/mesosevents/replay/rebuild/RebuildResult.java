package io.mesosevents.replay.rebuild;

import java.time.Duration;

/**
 * A finished rebuild.
 *
 * @param applicationId the new application, now holding the rebuilt views
 * @param records       event records folded (the history at the start)
 * @param elapsed       from the application's start until it had caught up
 */
public record RebuildResult(String applicationId, long records, Duration elapsed) {

    public double eventsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }
}
