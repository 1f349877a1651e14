package io.mesosevents.ingestor.marathon;

import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.AppTerminatedEvent;
import io.mesosevents.model.marathon.DeploymentFailed;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.DeploymentStepFailure;
import io.mesosevents.model.marathon.DeploymentStepSuccess;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.PodCreatedEvent;
import io.mesosevents.model.marathon.PodDeletedEvent;
import io.mesosevents.model.marathon.PodSnapshot;
import io.mesosevents.model.marathon.PodUpdatedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apps, pods and deployments that {@code marathon.events} says exist for one cluster: learnt
 * from snapshots and from the events that create or end them. A new snapshot is compared with it
 * to find what vanished while the ingestor was away. Rebuilt from Kafka at start-up.
 */
public final class MarathonState {

    private final Map<String, KnownEntity> byKey = new LinkedHashMap<>();

    /** An entity the topic knows, by its record key. */
    public record KnownEntity(String key, MarathonEntity type, String id) {
    }

    /** Takes one record of {@code marathon.events} in. */
    public void apply(OutboundRecord record) {
        if (!(record.value() instanceof MarathonEvent event)) {
            return;
        }
        EventKind kind = event.getMeta().getKind();
        if (kind == EventKind.GONE) {
            byKey.remove(record.key());
            return;
        }
        if (kind != EventKind.SNAPSHOT && kind != EventKind.DELTA) {
            return;
        }
        Object payload = event.getPayload();
        if (payload instanceof AppSnapshot app) {
            know(record.key(), MarathonEntity.APP, app.getAppId());
        } else if (payload instanceof PodSnapshot pod) {
            know(record.key(), MarathonEntity.POD, pod.getPodId());
        } else if (payload instanceof DeploymentSnapshot deployment) {
            know(record.key(), MarathonEntity.DEPLOYMENT, deployment.getPlan().getId());
        } else if (payload instanceof ApiPostEvent post && post.getAppId() != null) {
            know(record.key(), MarathonEntity.APP, post.getAppId());
        } else if (payload instanceof PodCreatedEvent pod && pod.getPodId() != null) {
            know(record.key(), MarathonEntity.POD, pod.getPodId());
        } else if (payload instanceof PodUpdatedEvent pod && pod.getPodId() != null) {
            know(record.key(), MarathonEntity.POD, pod.getPodId());
        } else if (payload instanceof DeploymentInfo info && info.getPlan() != null) {
            know(record.key(), MarathonEntity.DEPLOYMENT, info.getPlan().getId());
        } else if (payload instanceof DeploymentStepSuccess step && step.getPlan() != null) {
            know(record.key(), MarathonEntity.DEPLOYMENT, step.getPlan().getId());
        } else if (payload instanceof DeploymentStepFailure step && step.getPlan() != null) {
            know(record.key(), MarathonEntity.DEPLOYMENT, step.getPlan().getId());
        } else if (payload instanceof AppTerminatedEvent || payload instanceof PodDeletedEvent
                || payload instanceof DeploymentSuccess || payload instanceof DeploymentFailed) {
            byKey.remove(record.key());
        }
    }

    /** The known entities whose keys are not in {@code present}. */
    public List<KnownEntity> missingFrom(Set<String> present) {
        List<KnownEntity> missing = new ArrayList<>();
        for (KnownEntity entity : byKey.values()) {
            if (!present.contains(entity.key())) {
                missing.add(entity);
            }
        }
        return missing;
    }

    public int size() {
        return byKey.size();
    }

    private void know(String key, MarathonEntity type, String id) {
        byKey.put(key, new KnownEntity(key, type, id));
    }
}
