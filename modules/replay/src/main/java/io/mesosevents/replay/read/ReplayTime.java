package io.mesosevents.replay.read;

import io.mesosevents.streams.InstantText;
import java.time.Instant;

/** The replay commands' times, written as everywhere else in mesos-events ({@link InstantText}). */
public final class ReplayTime {

    private ReplayTime() {
    }

    public static Instant parse(String isoOrEpochMillis) {
        return InstantText.parse(isoOrEpochMillis);
    }
}
