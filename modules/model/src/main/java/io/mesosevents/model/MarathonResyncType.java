package io.mesosevents.model;

import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.PodSnapshot;
import io.mesosevents.model.marathon.ResyncMarker;
import org.apache.avro.specific.SpecificRecordBase;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code eventType}s of the records the ingestor itself writes to {@code marathon.events} when
 * it reconciles with Marathon's REST API; Marathon never sends them. A resync is
 * {@code snapshot_begin}, the snapshot records, the gone records, {@code snapshot_end}.
 */
public enum MarathonResyncType {
    SNAPSHOT_BEGIN("snapshot_begin", ResyncMarker.class),
    APP_SNAPSHOT("app_snapshot", AppSnapshot.class),
    POD_SNAPSHOT("pod_snapshot", PodSnapshot.class),
    DEPLOYMENT_SNAPSHOT("deployment_snapshot", DeploymentSnapshot.class),
    APP_GONE("app_gone", EntityGone.class),
    POD_GONE("pod_gone", EntityGone.class),
    DEPLOYMENT_GONE("deployment_gone", EntityGone.class),
    SNAPSHOT_END("snapshot_end", ResyncMarker.class);

    private final String eventType;
    private final Class<? extends SpecificRecordBase> payloadClass;

    MarathonResyncType(String eventType, Class<? extends SpecificRecordBase> payloadClass) {
        this.eventType = eventType;
        this.payloadClass = payloadClass;
    }

    /** The {@code eventType} string on the record, e.g. {@code "app_snapshot"}. */
    public String eventType() {
        return eventType;
    }

    /** The generated class of the payload record. */
    public Class<? extends SpecificRecordBase> payloadClass() {
        return payloadClass;
    }

    public static Optional<MarathonResyncType> forEventType(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(eventType)).findFirst();
    }
}
