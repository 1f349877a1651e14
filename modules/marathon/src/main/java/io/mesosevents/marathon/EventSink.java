package io.mesosevents.marathon;

/** Receives the events and dead letters decoded from a Marathon event stream, in stream order. */
public interface EventSink {

    void event(MarathonEventMessage event);

    void malformed(MalformedEvent malformed);
}
