package io.mesosevents.mesos;

import org.apache.mesos.v1.master.Protos;

/**
 * Receives what a {@link MesosSubscriber} reads. All callbacks run one at a time on the
 * subscriber's reader thread, so a slow handler slows the reading (natural backpressure) and
 * needs no synchronisation of its own. A callback that throws ends the session; the subscriber
 * then backs off and subscribes again.
 */
public interface MesosStreamHandler {

    /** A new session started: the next event is its {@code SUBSCRIBED} snapshot. */
    void connected(MesosSession session);

    /**
     * Every decoded event, {@code SUBSCRIBED} and {@code HEARTBEAT} included. Event types this
     * version does not know arrive with {@code getType() == UNKNOWN} and their raw bytes.
     *
     * @param offset stream offset of the record
     * @param raw    the record's payload as the master sent it
     */
    void event(MesosSession session, long offset, byte[] raw, Protos.Event event);

    /**
     * A record whose payload does not parse as an {@code Event}; the stream goes on.
     *
     * @param stage {@code "protobuf-decode"} or {@code "json-decode"}
     */
    void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error);

    /**
     * The RecordIO framing broke (stage {@code "recordio"}): the session ends and the subscriber
     * reconnects.
     *
     * @param offset stream offset of the failing record
     * @param unread up to {@link io.mesosevents.mesos.recordio.RecordIoDecoder#UNREAD_EXCERPT_BYTES}
     *               bytes of the stream from {@code offset} on
     */
    void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error);

    /** The session ended; every session ends with exactly one call. */
    void disconnected(MesosSession session, String reason);
}
