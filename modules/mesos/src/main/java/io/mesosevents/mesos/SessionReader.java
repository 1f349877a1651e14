package io.mesosevents.mesos;

import io.mesosevents.client.Errors;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mesosevents.mesos.recordio.RecordIoDecoder;
import io.mesosevents.mesos.recordio.RecordIoException;
import org.apache.mesos.v1.master.Protos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads one session's stream to its end: RecordIO records, each decoded as an {@code Event} and
 * handed to the handler on the calling thread.
 */
final class SessionReader {

    private static final Logger log = LoggerFactory.getLogger(SessionReader.class);

    // Reads return what the connection has; this only bounds one read.
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final MesosSession session;
    private final InputStream body;
    private final HeartbeatWatchdog watchdog;
    private final MesosStreamHandler handler;
    private final Runnable onBytes;
    private final int maxRecordSize;

    SessionReader(MesosSession session, InputStream body, HeartbeatWatchdog watchdog, MesosStreamHandler handler,
                  Runnable onBytes, int maxRecordSize) {
        this.session = session;
        this.body = body;
        this.watchdog = watchdog;
        this.handler = handler;
        this.onBytes = onBytes;
        this.maxRecordSize = maxRecordSize;
    }

    /** Reads until the stream ends or fails; returns why it ended. Handler exceptions propagate. */
    String read() {
        RecordIoDecoder decoder = new RecordIoDecoder(maxRecordSize, this::record);
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                watchdog.busy();
                onBytes.run();
                decoder.feed(buffer, 0, n);
                watchdog.waiting();
            }
            decoder.finish();
            return "the master closed the stream";
        } catch (RecordIoException e) {
            // The handler reports it (and keeps the bytes); logged here only for debugging the client.
            log.debug("Mesos master {} (session {}) sent a broken RecordIO stream: {}", session.master(), session.id(), e.getMessage());
            handler.streamFailed(session, e.offset(), e.unread(), "recordio", e.getMessage());
            return "RecordIO framing failed: " + e.getMessage();
        } catch (IOException e) {
            String stall = watchdog.stallReason();
            return stall != null ? stall : "connection lost: " + Errors.describe(e);
        }
    }

    private void record(long offset, byte[] raw) {
        Protos.Event event;
        try {
            // buildPartial: an enum value newer than these classes leaves a required field unset; the
            // event is still worth keeping (the mapper reads such values from the unknown fields).
            event = session.encoding().decode(raw, Protos.Event.newBuilder()).buildPartial();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // RuntimeException: missing required fields, and whatever else a parser may throw on
            // input it was never meant to see; bad input must not end the stream.
            String stage = session.encoding() == MesosEncoding.PROTOBUF ? "protobuf-decode" : "json-decode";
            log.debug("Undecodable {}-byte record at offset {} of session {}: {}", raw.length, offset, session.id(), e.getMessage());
            handler.undecodable(session, offset, raw, stage, e.getMessage());
            return;
        }
        if (event.getType() == Protos.Event.Type.SUBSCRIBED && event.getSubscribed().getHeartbeatIntervalSeconds() > 0) {
            watchdog.heartbeatInterval(Duration.ofNanos((long) (event.getSubscribed().getHeartbeatIntervalSeconds() * 1e9)));
        }
        handler.event(session, offset, raw, event);
    }
}
