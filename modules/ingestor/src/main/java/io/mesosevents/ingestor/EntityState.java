package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last known record of every task, agent and framework of one cluster: what the topics say
 * now. A new snapshot is compared with it to find the entities that vanished while the ingestor
 * was away. Rebuilt from Kafka at start-up ({@link EntityStateLoader}), so it survives a lost disk.
 */
public final class EntityState {

    /** The topics whose entities are reconciled against snapshots. */
    public static final List<Topic> ENTITY_TOPICS = List.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS);

    private final Map<Topic, Map<String, OutboundRecord>> byTopic = new LinkedHashMap<>();

    public EntityState() {
        ENTITY_TOPICS.forEach(topic -> byTopic.put(topic, new LinkedHashMap<>()));
    }

    /** Takes one record in: snapshot entities and changes are remembered, gone and removed entities forgotten. */
    public void apply(OutboundRecord record) {
        Map<String, OutboundRecord> entities = byTopic.get(record.topic());
        if (entities == null) {
            return;
        }
        EventKind kind = meta(record.value()).getKind();
        switch (kind) {
            case SNAPSHOT, DELTA -> {
                if (isAgentRemoval(record.value())) {
                    entities.remove(record.key());
                } else {
                    entities.put(record.key(), record);
                }
            }
            case GONE -> entities.remove(record.key());
            default -> {
                // Markers and kinds from newer writers carry no entity.
            }
        }
    }

    /** The entities of {@code topic} known now whose keys are not in {@code present}. */
    public List<OutboundRecord> missingFrom(Topic topic, Set<String> present) {
        List<OutboundRecord> missing = new ArrayList<>();
        for (OutboundRecord record : byTopic.get(topic).values()) {
            if (!present.contains(record.key())) {
                missing.add(record);
            }
        }
        return missing;
    }

    public Collection<OutboundRecord> entities(Topic topic) {
        return byTopic.get(topic).values();
    }

    public int size() {
        return byTopic.values().stream().mapToInt(Map::size).sum();
    }

    static EventMeta meta(SpecificRecord value) {
        return (EventMeta) value.get(value.getSchema().getField("meta").pos());
    }

    // An agent the master removed is absent from every later snapshot: forgetting it now keeps the
    // next resync from reporting it gone a second time.
    private static boolean isAgentRemoval(SpecificRecord value) {
        return value instanceof MesosAgentEvent agent && agent.getEventType() == MesosEventType.AGENT_REMOVED;
    }
}
