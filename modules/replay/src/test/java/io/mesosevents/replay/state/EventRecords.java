package io.mesosevents.replay.state;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.replay.read.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Mesos events as the ingestor writes them, already serialised with the real serdes into the
 * records a replay reads: key and value bytes, a topic and offset, and the record time, which is
 * the ingest time as the ingestor's producer stamps it. Event {@code n} happens at {@code T0 + n} s.
 */
final class EventRecords {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final String CLUSTER = "eu1";
    static final String FRAMEWORK = "fw-0000";
    static final String AGENT = "agent-S1";

    private final String prefix;
    private final Map<String, ?> serdeConfig;
    private long offset;

    EventRecords(String prefix, Map<String, ?> serdeConfig) {
        this.prefix = prefix;
        this.serdeConfig = serdeConfig;
    }

    RawRecord agentAdded(int second) {
        MesosAgentEvent event = MesosAgentEvent.newBuilder().setMeta(meta(second))
                .setEventType(MesosEventType.AGENT_ADDED).setAgentId(AGENT).setHostname("agent-1.eu1.internal")
                .setPort(5051).setActive(true).build();
        return record(Topic.MESOS_AGENT_EVENTS, CLUSTER + "/" + AGENT, event, MesosAgentEvent.class, second);
    }

    /** TASK_ADDED of task {@code taskId} named {@code name}, staging on {@link #AGENT}. */
    RawRecord taskAdded(String taskId, String name, int second) {
        MesosTaskEvent event = MesosTaskEvent.newBuilder().setMeta(meta(second))
                .setEventType(MesosEventType.TASK_ADDED).setTaskId(taskId).setFrameworkId(FRAMEWORK)
                .setAgentId(AGENT).setName(name).setState(TaskState.TASK_STAGING).build();
        return record(Topic.MESOS_TASK_EVENTS, CLUSTER + "/" + taskId, event, MesosTaskEvent.class, second);
    }

    RawRecord taskUpdated(String taskId, TaskState state, int second) {
        TaskStatus status = TaskStatus.newBuilder().setState(state).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setTimestamp(T0.plusSeconds(second)).setAgentId(AGENT).build();
        MesosTaskEvent event = MesosTaskEvent.newBuilder().setMeta(meta(second))
                .setEventType(MesosEventType.TASK_UPDATED).setTaskId(taskId).setFrameworkId(FRAMEWORK)
                .setState(state).setStatus(status).build();
        return record(Topic.MESOS_TASK_EVENTS, CLUSTER + "/" + taskId, event, MesosTaskEvent.class, second);
    }

    /** Source and ingest time {@code T0 + second}; one session whose sequence is the second. */
    private static EventMeta meta(int second) {
        return EventMeta.newBuilder().setCluster(CLUSTER).setSource("http://master:5050").setSessionId("session-1")
                .setSequence(second).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second)).setKind(EventKind.DELTA).build();
    }

    private <T extends SpecificRecord> RawRecord record(Topic topic, String key, T event, Class<T> type, int second) {
        String name = topic.name(prefix);
        byte[] value = AvroSerdes.specific(type, serdeConfig, false).serializer().serialize(name, event);
        return new RawRecord(name, 0, offset++, T0.plusSeconds(second).toEpochMilli(),
                key.getBytes(StandardCharsets.UTF_8), value);
    }
}
