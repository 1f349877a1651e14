package io.mesosevents.streams;

import io.mesosevents.model.marathon.DeploymentFailed;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.DeploymentStepFailure;
import io.mesosevents.model.marathon.DeploymentStepSuccess;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.MarathonEvent;
import java.util.Optional;

/**
 * The deployment a {@code marathon.events} record is about, if any: the one rule that decides which
 * records the deployments view reads.
 *
 * <p>Only the deployment payloads name a deployment: deployment_info, deployment_step_success,
 * deployment_step_failure, deployment_success, deployment_failed, the ingestor's deployment_snapshot,
 * and its EntityGone when the entity type is "deployment". Every other payload (app, pod, health,
 * generic events, resync markers, an app's or pod's EntityGone) is about no deployment, and so is
 * a deployment payload that carries no id, since there is no row it could belong to.
 */
final class DeploymentSubject {

    /** {@code EntityGone.entityType} of a deployment, as the ingestor writes it. */
    private static final String GONE_DEPLOYMENT = "deployment";

    private DeploymentSubject() {
    }

    /** The id of the deployment {@code event} is about; empty when it is about none. */
    static Optional<String> of(MarathonEvent event) {
        Object payload = event.getPayload();
        String id = null;
        if (payload instanceof DeploymentSnapshot snapshot) {
            id = snapshot.getPlan().getId();
        } else if (payload instanceof DeploymentInfo info) {
            id = planId(info.getPlan());
        } else if (payload instanceof DeploymentStepSuccess step) {
            id = planId(step.getPlan());
        } else if (payload instanceof DeploymentStepFailure step) {
            id = planId(step.getPlan());
        } else if (payload instanceof DeploymentSuccess success) {
            id = success.getId() != null ? success.getId() : planId(success.getPlan());
        } else if (payload instanceof DeploymentFailed failed) {
            id = failed.getId() != null ? failed.getId() : planId(failed.getPlan());
        } else if (payload instanceof EntityGone gone && GONE_DEPLOYMENT.equals(gone.getEntityType())) {
            id = gone.getId();
        }
        return Optional.ofNullable(id).filter(value -> !value.isEmpty());
    }

    private static String planId(DeploymentPlan plan) {
        return plan == null ? null : plan.getId();
    }
}
