package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.marathon.sse.SseEvent;
import io.mesosevents.marathon.sse.SseListener;
import io.mesosevents.marathon.sse.SseParser;

/**
 * Decodes the bytes of a Marathon {@code /v2/events} stream, fed as they arrive, into events and
 * dead letters: the SSE framing by {@link SseParser}, then every JSON object of a frame's data as
 * one event. Frames without {@code event:} line and frames with several objects in their data, as
 * captured streams show them, yield their events all the same. Not thread-safe.
 */
public final class EventStreamDecoder {

    private final SseParser parser;

    public EventStreamDecoder(int maxEventSize, EventSink sink) {
        this(maxEventSize, new ObjectMapper(), sink);
    }

    EventStreamDecoder(int maxEventSize, ObjectMapper mapper, EventSink sink) {
        EventDecoder decoder = new EventDecoder(mapper);
        this.parser = new SseParser(maxEventSize, new SseListener() {
            @Override
            public void event(SseEvent event) {
                decoder.decode(event.data(), event.type(), event::streamOffset, sink);
            }

            @Override
            public void broken(long offset, byte[] raw, String reason) {
                sink.malformed(new MalformedEvent(raw, reason, MalformedEvent.STAGE_SSE, offset));
            }
        });
    }

    public void feed(byte[] bytes, int offset, int length) {
        parser.feed(bytes, offset, length);
    }

    /** The stream ended: an event cut short is reported as malformed. */
    public void finish() {
        parser.finish();
    }
}
