package io.mesosevents.marathon;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Input that is not a Marathon event: for the dead-letter queue. The session goes on after it.
 *
 * @param raw    the offending bytes: the JSON text that failed, or the start of a broken frame
 *               (at most {@link io.mesosevents.marathon.sse.SseParser#EXCERPT_BYTES} of an oversized one)
 * @param reason what is wrong, on one line
 * @param stage  where it failed: {@link #STAGE_SSE}, {@link #STAGE_JSON} or {@link #STAGE_CALLBACK}
 * @param offset byte offset of {@code raw} in the stream (see {@link MarathonEventMessage#offset()})
 */
public record MalformedEvent(byte[] raw, String reason, String stage, long offset) {

    /** The event-stream framing: a frame larger than the maximum event size, or cut by the end of the stream. */
    public static final String STAGE_SSE = "sse";
    /** The data is not a JSON object: invalid JSON, another JSON value, or no JSON at all. */
    public static final String STAGE_JSON = "json";
    /** A callback body larger than the maximum event size. */
    public static final String STAGE_CALLBACK = "callback";

    public MalformedEvent {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stage, "stage");
    }

    /** {@link #raw} as text, for logs and tests. */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
