package io.mesosevents.simulator.marathon;

import java.util.EnumSet;
import java.util.Set;

/**
 * Ways the simulator can write {@code /v2/events} other than the plain
 * {@code event: <type>\ndata: <json>\n\n}, each switched on or off while it runs. The first two
 * are invalid input a client must survive; the others are what real Marathons send, valid data a
 * client must accept.
 */
public enum StreamQuirk {
    /** Now and then (the next event, then every 100th) a frame whose data is truncated JSON. */
    INVALID_JSON("invalid-json", false),
    /** Now and then (the next event, then every 100th) a frame of 4 MiB, of an event type no Marathon has. */
    OVERSIZED_FRAME("oversized-frame", false),
    /**
     * Two events in one frame: {@code data: <json>\r\ndata: <json>\n\n}, so the frame's data is two
     * JSON objects, one a line; its {@code event:} names the first.
     */
    TWO_OBJECTS_IN_ONE_FRAME("two-objects-crlf", true),
    /** Every line ends with CRLF instead of LF. */
    CRLF_LINE_ENDINGS("crlf-line-endings", true),
    /** Frames without their {@code event:} line: only the JSON's {@code eventType} says what they are. */
    MISSING_EVENT_LINE("missing-event-line", true),
    /**
     * A blank line between {@code event:} and {@code data:}, which ends the (empty) event at once:
     * the data then comes as an unnamed event.
     */
    BLANK_LINE_AFTER_EVENT("blank-line-after-event", true);

    private final String wireName;
    private final boolean validData;

    StreamQuirk(String wireName, boolean validData) {
        this.wireName = wireName;
        this.validData = validData;
    }

    /** The name the control endpoint and the command line use, e.g. {@code crlf-line-endings}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a stream with this quirk still carries only valid events. */
    public boolean validData() {
        return validData;
    }

    /** The quirks of real Marathons: every one that keeps the data valid. */
    public static Set<StreamQuirk> real() {
        Set<StreamQuirk> real = EnumSet.noneOf(StreamQuirk.class);
        for (StreamQuirk quirk : values()) {
            if (quirk.validData) {
                real.add(quirk);
            }
        }
        return real;
    }

    /** The quirk of a wire name or constant name, in any case. */
    public static StreamQuirk of(String name) {
        for (StreamQuirk quirk : values()) {
            if (quirk.wireName.equalsIgnoreCase(name) || quirk.name().equalsIgnoreCase(name)) {
                return quirk;
            }
        }
        throw new IllegalArgumentException("Unknown stream quirk '" + name + "'; expected one of "
                + EnumSet.allOf(StreamQuirk.class).stream().map(StreamQuirk::wireName).toList());
    }
}
