package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.ingestor.Send;
import io.mesosevents.ingestor.EventMetaSource;
import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.marathon.MarathonSnapshot;
import io.mesosevents.model.MarathonResyncType;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.ResyncMarker;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a Marathon REST snapshot into what a resync writes to {@code marathon.events}: a begin
 * marker to every partition, one record per app, pod and deployment, a gone record for every one
 * the topic knew that the snapshot lacks, and an end marker with the counts — in one sequence.
 */
public final class MarathonResync {

    private final MarathonEventMapper mapper;

    public MarathonResync(MarathonEventMapper mapper) {
        this.mapper = mapper;
    }

    /** An entity of the snapshot that could not be read; it becomes a dead letter. */
    public record Rejected(String json, String reason) {
    }

    /** The records to write, in order, and what could not be read. */
    public record Plan(List<Send> sends, List<Rejected> rejected) {
    }

    /** The resync of {@code snapshot}; {@code state} is brought up to date with it. */
    public Plan plan(MarathonSnapshot snapshot, EventMetaSource stamp, MarathonState state) {
        List<Send> sends = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        sends.add(Send.toEveryPartition(marker(MarathonResyncType.SNAPSHOT_BEGIN, new ResyncMarker(), stamp)));

        List<OutboundRecord> entities = new ArrayList<>();
        int apps = add(snapshot.apps(), MarathonResyncType.APP_SNAPSHOT, SnapshotRecords::app, stamp, entities, rejected);
        int pods = add(snapshot.pods(), MarathonResyncType.POD_SNAPSHOT, SnapshotRecords::pod, stamp, entities, rejected);
        int deployments = add(snapshot.deployments(), MarathonResyncType.DEPLOYMENT_SNAPSHOT, SnapshotRecords::deployment,
                stamp, entities, rejected);
        Set<String> present = new HashSet<>();
        entities.forEach(record -> present.add(record.key()));
        for (MarathonState.KnownEntity vanished : state.missingFrom(present)) {
            // Without pod support the snapshot cannot say anything about pods.
            if (vanished.type() == MarathonEntity.POD && !snapshot.podsSupported()) {
                continue;
            }
            entities.add(record(vanished.key(), vanished.type().gone(), EventKind.GONE,
                    new EntityGone(vanished.type().label(), vanished.id()), stamp));
        }
        entities.forEach(record -> sends.add(Send.of(record)));
        entities.forEach(state::apply);

        sends.add(Send.toEveryPartition(marker(MarathonResyncType.SNAPSHOT_END, new ResyncMarker(apps, pods, deployments), stamp)));
        return new Plan(sends, rejected);
    }

    private int add(List<JsonNode> items, MarathonResyncType type, Function<JsonNode, SpecificRecord> reader,
                    EventMetaSource stamp, List<OutboundRecord> into, List<Rejected> rejected) {
        int added = 0;
        for (JsonNode item : items) {
            SpecificRecord payload;
            try {
                payload = reader.apply(item);
            } catch (RuntimeException e) {
                rejected.add(new Rejected(item.toString(), type.eventType() + ": " + e.getMessage()));
                continue;
            }
            String id = item.path("id").asText();
            into.add(record(mapper.key(Optional.of(id)), type, EventKind.SNAPSHOT, payload, stamp));
            added++;
        }
        return added;
    }

    private OutboundRecord marker(MarathonResyncType type, ResyncMarker marker, EventMetaSource stamp) {
        return record(mapper.key(Optional.empty()), type, type == MarathonResyncType.SNAPSHOT_BEGIN
                ? EventKind.SNAPSHOT_BEGIN : EventKind.SNAPSHOT_END, marker, stamp);
    }

    private static OutboundRecord record(String key, MarathonResyncType type, EventKind kind, SpecificRecord payload,
                                         EventMetaSource stamp) {
        MarathonEvent value = MarathonEvent.newBuilder()
                .setMeta(stamp.next(kind, null))
                .setEventType(type.eventType())
                .setPayload(payload)
                .build();
        return new OutboundRecord(Topic.MARATHON_EVENTS, key, value);
    }
}
