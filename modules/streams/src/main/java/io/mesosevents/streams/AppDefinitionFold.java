package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.AppTerminatedEvent;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.PodCreatedEvent;
import io.mesosevents.model.marathon.PodDeletedEvent;
import io.mesosevents.model.marathon.PodSnapshot;
import io.mesosevents.model.marathon.PodUpdatedEvent;
import io.mesosevents.model.state.AppDefinition;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import java.util.ArrayList;
import java.util.List;

/**
 * What Marathon says an app or pod should be, from the Marathon events keyed by it:
 * <ul>
 *   <li>an app or pod snapshot replaces desired instances, version and (apps) deployments;</li>
 *   <li>{@code api_post_event} sets instances and version when it carries them;</li>
 *   <li>pod created/updated events make the pod known;</li>
 *   <li>{@code app_terminated_event}, {@code pod_deleted_event} and "gone" records delete the definition.</li>
 * </ul>
 * Deployments in progress are tracked from the deployments view: a deployment is added while
 * IN_PROGRESS and removed on any outcome.
 */
final class AppDefinitionFold {

    private AppDefinitionFold() {
    }

    /** Whether an event on marathon.events changes an app or pod definition. */
    static boolean isAboutApp(MarathonEvent event) {
        Object payload = event.getPayload();
        return payload instanceof AppSnapshot || payload instanceof PodSnapshot || payload instanceof ApiPostEvent
                || payload instanceof AppTerminatedEvent || payload instanceof PodCreatedEvent
                || payload instanceof PodUpdatedEvent || payload instanceof PodDeletedEvent
                || payload instanceof EntityGone gone && isAppOrPod(gone);
    }

    /** The definition after {@code event}; null when the app or pod is gone. */
    static AppDefinition apply(AppDefinition previous, String cluster, String appId, MarathonEvent event) {
        Object payload = event.getPayload();
        if (event.getMeta().getKind() == EventKind.GONE || payload instanceof AppTerminatedEvent
                || payload instanceof PodDeletedEvent || payload instanceof EntityGone) {
            return null;
        }
        AppDefinition.Builder row = start(previous, cluster, appId).setUpdatedAt(event.getMeta().getIngestTimestamp());
        if (payload instanceof AppSnapshot app) {
            row.setDesiredInstances(app.getInstances()).setVersion(app.getVersion())
                    .setDeployments(app.getDeploymentIds());
        } else if (payload instanceof PodSnapshot pod) {
            row.setDesiredInstances(pod.getInstances()).setVersion(pod.getVersion());
        } else if (payload instanceof ApiPostEvent post) {
            if (post.getInstances() != null) {
                row.setDesiredInstances(post.getInstances());
            }
            if (post.getVersion() != null) {
                row.setVersion(post.getVersion());
            }
        }
        return row.build();
    }

    /** The definition after a change of a deployment that affects the app; null when nothing of it is left. */
    static AppDefinition withDeployment(AppDefinition previous, String cluster, String appId,
                                        DeploymentView deployment) {
        List<String> deployments = new ArrayList<>(previous != null ? previous.getDeployments() : List.of());
        boolean inProgress = deployment.getState() == DeploymentState.IN_PROGRESS;
        boolean changed = inProgress ? !deployments.contains(deployment.getDeploymentId()) && deployments.add(
                deployment.getDeploymentId()) : deployments.remove(deployment.getDeploymentId());
        if (!changed) {
            return previous;
        }
        AppDefinition next = start(previous, cluster, appId).setDeployments(deployments)
                .setUpdatedAt(deployment.getUpdatedAt()).build();
        // Known from its deployments only (an app Marathon destroyed, whose last deployment arrived after its
        // termination, or one whose definition was never seen): it is defined no longer once they end.
        return deployments.isEmpty() && next.getDesiredInstances() == null && next.getVersion() == null ? null : next;
    }

    private static AppDefinition.Builder start(AppDefinition previous, String cluster, String appId) {
        return previous != null ? AppDefinition.newBuilder(previous)
                : AppDefinition.newBuilder().setCluster(cluster).setAppId(appId);
    }

    private static boolean isAppOrPod(EntityGone gone) {
        return "app".equals(gone.getEntityType()) || "pod".equals(gone.getEntityType());
    }
}
