package io.mesosevents.cli.replay;

import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.streams.InstantText;
import java.time.Instant;

/** The replay commands' time options, read as every time in mesos-events is ({@link InstantText}). */
final class ReplayTimes {

    private ReplayTimes() {
    }

    /** The instant {@code text} names, or a setting error naming {@code option}. */
    static Instant parse(String text, String option) {
        try {
            return InstantText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(option + ": " + e.getMessage());
        }
    }
}
