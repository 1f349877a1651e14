package io.mesosevents.ingestor;

import io.mesosevents.ingestor.mesos.MesosEventMapper;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.mesos.v1.master.Protos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@code SUBSCRIBED} snapshot into what a (re)connect writes: a begin marker per entity
 * topic, one record per entity in the snapshot, a "gone" record for every entity the last known
 * state has and the snapshot lacks, and an end marker per topic — in that order, in one sequence.
 */
public final class Resync {

    private final MesosEventMapper mapper;

    public Resync(MesosEventMapper mapper) {
        this.mapper = mapper;
    }

    /** The records of the resync; {@code state} is brought up to date with them. */
    public List<Send> plan(Protos.Event.Subscribed subscribed, SessionStamp stamp, EntityState state) {
        List<Send> sends = new ArrayList<>();
        EntityState.ENTITY_TOPICS.forEach(topic -> sends.add(Send.toEveryPartition(marker(topic, EventKind.SNAPSHOT_BEGIN, stamp))));

        List<OutboundRecord> snapshot = mapper.snapshot(subscribed, stamp);
        snapshot.forEach(record -> sends.add(Send.of(record)));
        List<OutboundRecord> gone = new ArrayList<>();
        for (Topic topic : EntityState.ENTITY_TOPICS) {
            Set<String> present = snapshot.stream().filter(r -> r.topic() == topic).map(OutboundRecord::key).collect(Collectors.toSet());
            for (OutboundRecord vanished : state.missingFrom(topic, present)) {
                gone.add(restamped(vanished, stamp.next(EventKind.GONE, null)));
            }
        }
        gone.forEach(record -> sends.add(Send.of(record)));

        EntityState.ENTITY_TOPICS.forEach(topic -> sends.add(Send.toEveryPartition(marker(topic, EventKind.SNAPSHOT_END, stamp))));
        snapshot.forEach(state::apply);
        gone.forEach(state::apply);
        return sends;
    }

    /** The last known record of an entity, as the record that says it is gone. */
    private static OutboundRecord restamped(OutboundRecord last, EventMeta meta) {
        SpecificRecord copy = SpecificData.getForSchema(last.value().getSchema()).deepCopy(last.value().getSchema(), last.value());
        copy.put(copy.getSchema().getField("meta").pos(), meta);
        return new OutboundRecord(last.topic(), last.key(), copy);
    }

    // Markers carry no entity: empty ids, keyed by the cluster.
    private static OutboundRecord marker(Topic topic, EventKind kind, SessionStamp stamp) {
        EventMeta meta = stamp.next(kind, null);
        SpecificRecord value = switch (topic) {
            case MESOS_TASK_EVENTS -> MesosTaskEvent.newBuilder().setMeta(meta).setEventType(MesosEventType.SUBSCRIBED)
                    .setTaskId("").setFrameworkId("").build();
            case MESOS_AGENT_EVENTS -> MesosAgentEvent.newBuilder().setMeta(meta).setEventType(MesosEventType.SUBSCRIBED)
                    .setAgentId("").build();
            case MESOS_FRAMEWORK_EVENTS -> MesosFrameworkEvent.newBuilder().setMeta(meta).setEventType(MesosEventType.SUBSCRIBED)
                    .setFrameworkId("").build();
            default -> throw new IllegalArgumentException("No snapshot marker for topic " + topic);
        };
        return new OutboundRecord(topic, stamp.cluster(), value);
    }
}
