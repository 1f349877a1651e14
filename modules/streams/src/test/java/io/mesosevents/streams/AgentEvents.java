package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Agent events as the ingestor writes them, made with the generated builders. Each is in session
 * {@value #SESSION} with sequence {@code second}, source time {@code T0 + second} s and ingest time
 * one second later; {@link #inSession} moves one to another session.
 */
final class AgentEvents {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000Z");
    static final String SESSION = "session-1";
    static final String AGENT_ID = "9a3f0e21-77c4-4d5b-8e6a-1b2c3d4e5f60-S3";

    private AgentEvents() {
    }

    static EventMeta meta(String cluster, EventKind kind, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://master:5050").setSessionId(SESSION)
                .setSequence(second).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second + 1)).setKind(kind).build();
    }

    /** AGENT_ADDED: the whole agent, active, on Mesos 1.10.0. */
    static MesosAgentEvent added(String cluster, String agentId, int second) {
        return MesosAgentEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second))
                .setEventType(MesosEventType.AGENT_ADDED).setAgentId(agentId).setHostname("agent-3.eu1.internal")
                .setPort(5051).setPid("slave(1)@10.0.0.3:5051").setVersion("1.10.0")
                .setResources(List.of(scalar("cpus", 8), scalar("mem", 32768), ports(31000, 32000)))
                .setAttributes(Map.of("rack", "r7", "zone", "eu1-b")).setActive(true)
                .setRegisteredTime(T0.minusSeconds(3600)).setCapabilities(List.of("MULTI_ROLE")).build();
    }

    /**
     * A snapshot record that carries only part of the agent: deactivated, re-registered at
     * {@code T0 + second} s on Mesos 1.11.0, nothing else.
     */
    static MesosAgentEvent partial(String cluster, String agentId, int second) {
        return MesosAgentEvent.newBuilder().setMeta(meta(cluster, EventKind.SNAPSHOT, second))
                .setEventType(MesosEventType.SUBSCRIBED).setAgentId(agentId).setVersion("1.11.0").setActive(false)
                .setReregisteredTime(T0.plusSeconds(second)).build();
    }

    /** AGENT_REMOVED: the agent id only, as Mesos sends it. */
    static MesosAgentEvent removed(String cluster, String agentId, int second) {
        return MesosAgentEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second))
                .setEventType(MesosEventType.AGENT_REMOVED).setAgentId(agentId).build();
    }

    /** The ingestor's retraction of an agent that vanished while it was away. */
    static MesosAgentEvent gone(String cluster, String agentId, int second) {
        return MesosAgentEvent.newBuilder().setMeta(meta(cluster, EventKind.GONE, second))
                .setEventType(MesosEventType.AGENT_ADDED).setAgentId(agentId).build();
    }

    /** SNAPSHOT_BEGIN or SNAPSHOT_END: keyed by cluster, empty agent id. */
    static MesosAgentEvent marker(String cluster, EventKind kind, int second) {
        return MesosAgentEvent.newBuilder().setMeta(meta(cluster, kind, second))
                .setEventType(MesosEventType.SUBSCRIBED).setAgentId("").build();
    }

    /** {@code event} as written by another ingestor session, at {@code sequence} there. */
    static MesosAgentEvent inSession(MesosAgentEvent event, String session, long sequence) {
        EventMeta meta = EventMeta.newBuilder(event.getMeta()).setSessionId(session).setSequence(sequence).build();
        return MesosAgentEvent.newBuilder(event).setMeta(meta).build();
    }

    private static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setScalar(value).build();
    }

    private static Resource ports(long begin, long end) {
        return Resource.newBuilder().setName("ports")
                .setRanges(List.of(Range.newBuilder().setBegin(begin).setEnd(end).build())).build();
    }
}
