package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.mesos.recordio.RecordIo;
import org.apache.mesos.v1.master.Protos.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one subscription as a master's RecordIO stream: {@code SUBSCRIBED} (streamed, never held
 * as bytes), a {@code HEARTBEAT} at once, then events as they come and a {@code HEARTBEAT} whenever
 * an interval passes without one. Every record is flushed as it is written, so it leaves as a chunk.
 */
final class SubscriptionStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStreamer.class);

    /** A length that is not a decimal number. */
    private static final byte[] BROKEN_FRAME = "3x\nabc".getBytes(StandardCharsets.US_ASCII);
    /** Field 2 (subscribed) announcing 100 bytes of which 3 follow: a truncated message. */
    private static final byte[] BROKEN_PROTOBUF = {0x12, 0x64, 0x01, 0x02, 0x03};
    private static final byte[] BROKEN_JSON = "{\"type\":\"TASK_UPDATED\",\"task_updated\":{".getBytes(StandardCharsets.UTF_8);

    private final EventHub hub;
    private final long heartbeatNanos;

    SubscriptionStreamer(EventHub hub, double heartbeatIntervalSeconds) {
        this.hub = hub;
        this.heartbeatNanos = (long) (heartbeatIntervalSeconds * 1e9);
    }

    /**
     * Streams until the subscription ends or the client goes away.
     *
     * @param breakConnection closes the connection without ending the chunked body properly
     */
    void stream(Subscription subscription, OutputStream out, Runnable breakConnection) throws InterruptedException {
        MesosEncoding encoding = subscription.encoding;
        String outcome;
        try {
            outcome = write(subscription, encoding, out, breakConnection);
        } catch (IOException e) {
            outcome = "client went away (" + e.getMessage() + ")";
        } finally {
            hub.unsubscribe(subscription);
        }
        LOG.info("Subscription {} from {} ended: {}", subscription.id, subscription.client, outcome);
    }

    private String write(Subscription subscription, MesosEncoding encoding, OutputStream out, Runnable breakConnection)
            throws IOException, InterruptedException {
        long heartbeatDue = System.nanoTime() + heartbeatNanos;
        while (true) {
            Outgoing next = subscription.next(heartbeatDue);
            if (next instanceof Outgoing.Send send && send.event().getType() == Event.Type.SUBSCRIBED) {
                MessageEncoder.writeRecord(send.event(), encoding, out);
                out.write(record(Events.heartbeat(), encoding));
                heartbeatDue = System.nanoTime() + heartbeatNanos;
            } else if (next instanceof Outgoing.Send send) {
                out.write(record(send.event(), encoding));
            } else if (next instanceof Outgoing.HeartbeatDue) {
                out.write(record(Events.heartbeat(), encoding));
                heartbeatDue = System.nanoTime() + heartbeatNanos;
            } else if (next instanceof Outgoing.Garbage garbage && garbage.kind() == GarbageKind.FRAME) {
                out.write(BROKEN_FRAME);
                out.flush();
                breakConnection.run();
                return "sent a malformed RecordIO frame and closed the connection";
            } else if (next instanceof Outgoing.Garbage) {
                out.write(RecordIo.frame(encoding == MesosEncoding.PROTOBUF ? BROKEN_PROTOBUF : BROKEN_JSON));
            } else if (next instanceof Outgoing.End end && end.ending() == Outgoing.Ending.DROP_MID_RECORD) {
                Event queued = subscription.peekEvent();
                byte[] cut = record(queued != null ? queued : Events.heartbeat(), encoding);
                out.write(cut, 0, midRecord(cut));
                out.flush();
                breakConnection.run();
                return "dropped mid-record";
            } else {
                breakConnection.run();
                return "connection closed by the master";
            }
            out.flush();
        }
    }

    private static byte[] record(Event event, MesosEncoding encoding) {
        return RecordIo.frame(MessageEncoder.encode(event, encoding));
    }

    /** A length that ends inside the record's bytes: its header and about half of its body. */
    private static int midRecord(byte[] record) {
        int header = 0;
        while (record[header] != '\n') {
            header++;
        }
        int body = record.length - header - 1;
        return header + 1 + Math.max(1, body / 2);
    }
}
