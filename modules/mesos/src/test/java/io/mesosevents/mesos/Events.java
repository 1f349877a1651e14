package io.mesosevents.mesos;

import io.mesosevents.mesos.recordio.RecordIo;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Events and RecordIO byte streams for tests. */
final class Events {

    private Events() {
    }

    static Event subscribed(double heartbeatSeconds) {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder()
                        .setGetState(Response.GetState.newBuilder())
                        .setHeartbeatIntervalSeconds(heartbeatSeconds))
                .build();
    }

    static Event heartbeat() {
        return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    }

    static Event agentRemoved(String agentId) {
        return Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(AgentID.newBuilder().setValue(agentId)))
                .build();
    }

    /** The RecordIO stream of these records, concatenated. */
    static byte[] framed(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payloads.forEach(payload -> out.writeBytes(RecordIo.frame(payload)));
        return out.toByteArray();
    }

    static byte[] framed(MesosEncoding encoding, Event... events) {
        List<byte[]> payloads = new ArrayList<>();
        for (Event event : events) {
            payloads.add(encoding.encode(event));
        }
        return framed(payloads);
    }

    /** {@code bytes} cut into writes at the given positions. */
    static List<byte[]> split(byte[] bytes, int... cuts) {
        List<byte[]> writes = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            writes.add(Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        writes.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return writes;
    }
}
