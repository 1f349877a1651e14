package io.mesosevents.marathon.sse;

import java.util.Objects;
import java.util.Optional;

/**
 * One dispatched frame of an event stream.
 *
 * @param type    the value of the frame's last {@code event} field; empty when it had none or an
 *                empty one (the WHATWG standard then calls the event {@code message})
 * @param data    the values of the frame's {@code data} lines in UTF-8, joined with {@code \n}
 *                (a frame without data lines dispatches nothing; one with empty ones has empty
 *                data). Owned by this event.
 * @param offset  stream offset of the frame's first field line
 * @param offsets where each byte of {@code data} was read in the stream
 */
public record SseEvent(Optional<String> type, byte[] data, long offset, DataOffsets offsets) {

    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(offsets, "offsets");
    }

    /** The stream offset of {@code data[dataIndex]}. */
    public long streamOffset(int dataIndex) {
        return offsets.streamOffset(dataIndex);
    }
}
