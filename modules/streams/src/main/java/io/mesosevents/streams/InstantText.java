package io.mesosevents.streams;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How a user writes an instant everywhere in mesos-events ({@code asOf} of the API, the replay
 * commands' times): an ISO-8601 instant ({@code 2026-03-01T12:00:00Z},
 * {@code 2026-03-01T13:00:00.250+01:00}) or epoch milliseconds. Cut to milliseconds, the resolution of
 * Kafka's record times and of the history stores.
 */
public final class InstantText {

    /** The accepted forms, for messages that tell the user what to write instead. */
    public static final String FORMS = "an ISO-8601 instant (2026-03-01T12:00:00Z) or epoch milliseconds";

    private InstantText() {
    }

    /** The instant {@code text} names; an {@link IllegalArgumentException} naming the accepted forms otherwise. */
    public static Instant parse(String text) {
        String value = text.strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw unreadable(text);
            }
        }
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw unreadable(text);
        }
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("must be " + FORMS + ", not '" + text + "'");
    }
}
