package io.mesosevents.bench;

import io.mesosevents.mesos.MesosSession;
import io.mesosevents.mesos.MesosStreamHandler;
import org.apache.mesos.v1.master.Protos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what a subscription delivers and drops it: the pace of the source (simulator, HTTP,
 * RecordIO and protobuf decoding) without any of the ingestor's work. Callbacks come from the
 * subscriber's one reader thread; the fields are volatile only so that reports may read them.
 */
final class CountingHandler implements MesosStreamHandler {

    private final long startedNanos;
    private volatile int sessions;
    private volatile long snapshotNanos = -1;
    private volatile long events;
    private volatile long failures;
    private volatile long firstEventNanos;
    private volatile long lastEventNanos;

    /** @param startedNanos when subscribing began, the origin of the snapshot time */
    CountingHandler(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    @Override
    public void connected(MesosSession session) {
        sessions++;
    }

    @Override
    public void event(MesosSession session, long offset, byte[] raw, Protos.Event event) {
        long now = System.nanoTime();
        if (event.getType() == Protos.Event.Type.SUBSCRIBED) {
            if (snapshotNanos < 0) {
                snapshotNanos = now - startedNanos;
            }
        } else if (event.getType() != Protos.Event.Type.HEARTBEAT) {
            if (events == 0) {
                firstEventNanos = now;
            }
            lastEventNanos = now;
            events++;
        }
    }

    @Override
    public void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) {
        failures++;
    }

    @Override
    public void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) {
        failures++;
    }

    @Override
    public void disconnected(MesosSession session, String reason) {
        // Sessions are counted on connect; a second one shows in the report.
    }

    /**
     * {@code events} (heartbeats and the snapshot not counted), {@code stream-nanos} from the first
     * to the last of them, {@code idle-ms} since the last, {@code snapshot-nanos} from subscribing to
     * the snapshot decoded (-1 before), {@code sessions} and {@code failures}.
     */
    ReportLine report() {
        long now = System.nanoTime();
        long counted = events;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("events", Long.toString(counted));
        values.put("stream-nanos", Long.toString(counted == 0 ? 0 : lastEventNanos - firstEventNanos));
        values.put("idle-ms", Long.toString(counted == 0 ? -1 : (now - lastEventNanos) / 1_000_000));
        values.put("snapshot-nanos", Long.toString(snapshotNanos));
        values.put("sessions", Integer.toString(sessions));
        values.put("failures", Long.toString(failures));
        return new ReportLine("source", values);
    }
}
