package io.mesosevents.simulator.marathon;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Server-sent event frames as Marathon writes them on {@code /v2/events} ({@code event: <type>},
 * {@code data: <json>}, a blank line), and as the {@link StreamQuirk quirks} bend them.
 */
final class SseFrames {

    /** Larger than any sane client's frame limit. */
    static final int OVERSIZED_BYTES = 4 * 1024 * 1024;

    private SseFrames() {
    }

    static byte[] frame(BusEvent event, Set<StreamQuirk> quirks) {
        StringBuilder frame = new StringBuilder(event.json().length() + 64);
        head(frame, event.eventType(), quirks);
        frame.append("data: ").append(event.json()).append(eol(quirks)).append(eol(quirks));
        return bytes(frame);
    }

    /** Two events in one frame: two {@code data:} lines, CRLF between them, named after the first. */
    static byte[] pair(BusEvent first, BusEvent second, Set<StreamQuirk> quirks) {
        StringBuilder frame = new StringBuilder(first.json().length() + second.json().length() + 64);
        head(frame, first.eventType(), quirks);
        frame.append("data: ").append(first.json()).append("\r\n");
        frame.append("data: ").append(second.json()).append(eol(quirks)).append(eol(quirks));
        return bytes(frame);
    }

    /** An empty line, which ends no event: what Marathon sends to keep an idle stream open. */
    static byte[] keepAlive(Set<StreamQuirk> quirks) {
        return eol(quirks).getBytes(StandardCharsets.US_ASCII);
    }

    /** A frame whose JSON breaks off in the middle. */
    static byte[] invalidJson(Set<StreamQuirk> quirks) {
        String eol = eol(quirks);
        return ("event: status_update_event" + eol + "data: {\"slaveId\":\"S1\",\"taskId\":\"web.instance-" + eol + eol)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A frame of {@link #OVERSIZED_BYTES}: valid JSON of an event type no Marathon sends. */
    static byte[] oversized(Set<StreamQuirk> quirks) {
        String eol = eol(quirks);
        String head = "event: simulator_oversized_event" + eol + "data: {\"padding\":\"";
        String tail = "\",\"eventType\":\"simulator_oversized_event\"}" + eol + eol;
        StringBuilder frame = new StringBuilder(OVERSIZED_BYTES);
        frame.append(head);
        frame.append("x".repeat(OVERSIZED_BYTES - head.length() - tail.length()));
        frame.append(tail);
        return bytes(frame);
    }

    private static void head(StringBuilder frame, String eventType, Set<StreamQuirk> quirks) {
        if (quirks.contains(StreamQuirk.MISSING_EVENT_LINE)) {
            return;
        }
        frame.append("event: ").append(eventType).append(eol(quirks));
        if (quirks.contains(StreamQuirk.BLANK_LINE_AFTER_EVENT)) {
            frame.append(eol(quirks));
        }
    }

    private static String eol(Set<StreamQuirk> quirks) {
        return quirks.contains(StreamQuirk.CRLF_LINE_ENDINGS) ? "\r\n" : "\n";
    }

    private static byte[] bytes(StringBuilder frame) {
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }
}
