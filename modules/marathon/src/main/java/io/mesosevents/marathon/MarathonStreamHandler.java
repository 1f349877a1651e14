package io.mesosevents.marathon;

/**
 * Receives what a {@link MarathonSubscriber} or a {@link CallbackReceiver} reads. All callbacks
 * run one at a time on one thread of the subscriber (receiver), so a handler needs no
 * synchronisation of its own, and a slow handler slows the reading. A callback that throws ends
 * the session; a new one starts, with a new snapshot.
 *
 * <p>Every session is {@code connected}, then gets its {@code snapshot}, then the events that
 * arrived after the stream opened (including those that arrived while the snapshot was read), in
 * the order they arrived, and ends with exactly one {@code disconnected}. Periodic snapshots are
 * delivered at their place in the stream: after the events received before the resync started,
 * before those received since. A session may end before its snapshot arrives.
 */
public interface MarathonStreamHandler {

    /** A new session started: its snapshot comes next. */
    void connected(MarathonSession session);

    /** Marathon's state, read after the session's stream opened, or again periodically. */
    void snapshot(MarathonSession session, MarathonSnapshot snapshot);

    /** One event; {@code event_stream_attached} included, and types this version does not know. */
    void event(MarathonSession session, MarathonEventMessage event);

    /** Input that is not an event: a dead letter. The session goes on. */
    void malformed(MarathonSession session, MalformedEvent malformed);

    /** The session ended; every {@code connected} gets exactly one. */
    void disconnected(MarathonSession session, String reason);
}
