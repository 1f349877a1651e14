package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Marathon event, as received.
 *
 * @param eventType the event's {@code eventType} (e.g. {@code status_update_event}); when the JSON
 *                  has none, the SSE {@code event:} name; when there is neither, {@link #UNTYPED}
 * @param rawJson   the exact text of the event's JSON object
 * @param json      the parsed object
 * @param timestamp the event's {@code timestamp}, when present and ISO-8601
 * @param offset    byte offset of the object's first byte: in the session's stream for
 *                  {@link Transport#SSE}, in the concatenation of the session's callback bodies for
 *                  {@link Transport#CALLBACK}
 */
public record MarathonEventMessage(String eventType, String rawJson, JsonNode json, Optional<Instant> timestamp, long offset) {

    /** The type of an event that names none, as the SSE standard calls it. */
    public static final String UNTYPED = "message";

    public MarathonEventMessage {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(rawJson, "rawJson");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
