package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.ingestor.EventMetaSource;
import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.marathon.MarathonEventMessage;
import io.mesosevents.model.EntityKey;
import io.mesosevents.model.MarathonPayloadType;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.GenericMarathonEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.PodCreatedEvent;
import io.mesosevents.model.marathon.PodDeletedEvent;
import io.mesosevents.model.marathon.PodUpdatedEvent;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns one Marathon event into its {@code marathon.events} record: the typed payload for every
 * event type this version knows, the raw JSON in a {@link GenericMarathonEvent} for any other.
 * The key is the entity the event is about — the app (or pod), the deployment, the group — or the
 * cluster for events about none (stream attachments, scheduler registration).
 */
public final class MarathonEventMapper {

    private final String cluster;

    public MarathonEventMapper(String cluster) {
        this.cluster = EntityKey.requireValidCluster(cluster);
    }

    /**
     * @throws IllegalArgumentException when a known event type carries a field of the wrong type
     *                                  or lacks a required one (the event is then a dead letter)
     */
    public OutboundRecord delta(MarathonEventMessage event, EventMetaSource stamp) {
        Optional<MarathonPayloadType> type = MarathonPayloadType.forEventType(event.eventType());
        SpecificRecord payload = type.isPresent()
                ? typed(type.get(), event.json())
                : new GenericMarathonEvent(event.eventType(), event.rawJson());
        MarathonEvent value = MarathonEvent.newBuilder()
                .setMeta(stamp.next(EventKind.DELTA, event.timestamp().orElse(null)))
                .setEventType(event.eventType())
                .setTimestamp(event.timestamp().map(MarathonTimes::millis).orElse(null))
                .setPayload(payload)
                .build();
        return new OutboundRecord(Topic.MARATHON_EVENTS, key(subject(event.json())), value);
    }

    String key(Optional<String> subject) {
        return subject.filter(id -> !id.isEmpty()).map(id -> new EntityKey(cluster, id).encode()).orElse(cluster);
    }

    private static SpecificRecord typed(MarathonPayloadType type, JsonNode json) {
        SpecificRecord payload = JsonRecords.read(json, type.payloadClass());
        if (payload instanceof ApiPostEvent post) {
            // Marathon sends the whole app definition; its id, instances and version are what consumers look for.
            JsonNode app = json.path("appDefinition");
            return ApiPostEvent.newBuilder(post)
                    .setAppId(text(app, "id").orElse(null))
                    .setInstances(app.path("instances").canConvertToInt() ? app.path("instances").intValue() : null)
                    .setVersion(text(app, "version").orElse(null))
                    .build();
        }
        if (payload instanceof PodCreatedEvent pod) {
            return PodCreatedEvent.newBuilder(pod).setPodId(podId(pod.getUri())).build();
        }
        if (payload instanceof PodUpdatedEvent pod) {
            return PodUpdatedEvent.newBuilder(pod).setPodId(podId(pod.getUri())).build();
        }
        if (payload instanceof PodDeletedEvent pod) {
            return PodDeletedEvent.newBuilder(pod).setPodId(podId(pod.getUri())).build();
        }
        Schema.Field healthCheck = payload.getSchema().getField("healthCheck");
        if (healthCheck != null && json.path("healthCheck").isObject()) {
            payload.put(healthCheck.pos(), HealthChecks.summary(json.get("healthCheck")));
        }
        Schema.Field plan = payload.getSchema().getField("plan");
        if (plan != null && payload.get(plan.pos()) instanceof DeploymentPlan deployment) {
            payload.put(plan.pos(), DeploymentPlans.withAffected(deployment));
        }
        return payload;
    }

    /** The entity an event is about, by the fields Marathon names it with. */
    static Optional<String> subject(JsonNode json) {
        return Stream.of(
                        text(json, "appId"),
                        text(json, "runSpecId"),
                        text(json.path("appDefinition"), "id"),
                        text(json.path("plan"), "id"),
                        text(json, "id"),
                        text(json, "groupId"),
                        text(json, "uri").filter(uri -> uri.startsWith("/v2/pods/")).map(MarathonEventMapper::podId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@code /v2/pods/prod/db} (or {@code /v2/pods/prod/db::status}) → {@code /prod/db}. */
    static String podId(String uri) {
        if (uri == null || !uri.startsWith("/v2/pods/")) {
            return null;
        }
        String path = uri.substring("/v2/pods".length());
        int suffix = path.indexOf("::");
        return suffix < 0 ? path : path.substring(0, suffix);
    }
}
