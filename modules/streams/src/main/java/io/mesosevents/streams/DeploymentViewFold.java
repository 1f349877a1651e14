package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.DeploymentAction;
import io.mesosevents.model.marathon.DeploymentFailed;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.DeploymentStep;
import io.mesosevents.model.marathon.DeploymentStepFailure;
import io.mesosevents.model.marathon.DeploymentStepSuccess;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.EntityGone;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Folds one Marathon event into a deployment's row: pure functions, so the rules are tested and
 * reasoned about without Kafka.
 *
 * <ul>
 *   <li>Only the deployment payloads count ({@link DeploymentSubject}); any other event leaves the
 *       row as it is.</li>
 *   <li>deployment_snapshot restates the deployment from Marathon's {@code /v2/deployments}: it
 *       replaces the plan, the steps, the current step and its actions (in progress).</li>
 *   <li>deployment_info starts a step: the current step becomes its 1-based position in the plan's
 *       steps (found by equality, as Marathon numbers it in {@code /v2/deployments}) and its actions
 *       the current actions. deployment_step_success and deployment_step_failure set the same two
 *       fields from their step, so progress shows even when the info of that step was missed, and
 *       the number and the actions always describe the same step.</li>
 *   <li>deployment_success makes it SUCCEEDED, deployment_failed FAILED, with the finished time;
 *       a deployment_failed whose reason says it was superseded (Marathon cancels a deployment that
 *       a forced one replaces: "… was superseded by deployment … (force=true)") makes it SUPERSEDED.</li>
 *   <li>A deployment gone (the ingestor's EntityGone, or any deployment record of kind GONE) makes it
 *       SUPERSEDED with the finished time: it vanished from Marathon without an outcome being seen.
 *       It is a row, not a tombstone, so readers learn how it ended; a gone deployment with no row
 *       makes none, since nothing is known about it but its id.</li>
 *   <li>The failure reason is Marathon's reason of deployment_failed when it gives one, else the
 *       failed step (number and actions) of deployment_step_failure.</li>
 *   <li>An outcome is final: a finished row (SUCCEEDED, FAILED, SUPERSEDED) is left as it is by any
 *       later event, so a late or duplicated deployment_info or snapshot cannot reopen it.</li>
 *   <li>{@code started} is when the deployment was first seen; times are the event's source time,
 *       else its ingest time (resync records have no source time). {@code updatedAt} is the ingest
 *       time of the event that last changed the row.</li>
 * </ul>
 */
final class DeploymentViewFold {

    private DeploymentViewFold() {
    }

    /**
     * The row after {@code event}: {@code previous} itself when the event changes nothing, null when
     * there is still no row. {@code previous} is null for a deployment not seen before.
     */
    static DeploymentView apply(DeploymentView previous, MarathonEvent event) {
        Optional<String> deploymentId = DeploymentSubject.of(event);
        if (deploymentId.isEmpty() || (previous != null && isFinished(previous))) {
            return previous;
        }
        EventMeta meta = event.getMeta();
        Object payload = event.getPayload();
        if (meta.getKind() == EventKind.GONE || payload instanceof EntityGone) {
            return previous == null ? null
                    : finish(DeploymentView.newBuilder(previous), DeploymentState.SUPERSEDED, meta)
                            .setUpdatedAt(meta.getIngestTimestamp()).build();
        }
        DeploymentView.Builder row = previous != null ? DeploymentView.newBuilder(previous)
                : DeploymentView.newBuilder().setCluster(meta.getCluster()).setDeploymentId(deploymentId.get())
                        .setState(DeploymentState.IN_PROGRESS).setStarted(happenedAt(meta));
        if (payload instanceof DeploymentSnapshot snapshot) {
            takePlan(row, snapshot.getPlan());
            row.setCurrentStep(snapshot.getCurrentStep()).setCurrentActions(snapshot.getCurrentActions());
            if (snapshot.getTotalSteps() != null) {
                row.setTotalSteps(snapshot.getTotalSteps());
            }
        } else if (payload instanceof DeploymentInfo info) {
            takePlan(row, info.getPlan());
            takeStep(row, info.getCurrentStep());
        } else if (payload instanceof DeploymentStepSuccess step) {
            takePlan(row, step.getPlan());
            takeStep(row, step.getCurrentStep());
        } else if (payload instanceof DeploymentStepFailure step) {
            takePlan(row, step.getPlan());
            takeStep(row, step.getCurrentStep());
            row.setFailureReason(failedStep(row));
        } else if (payload instanceof DeploymentSuccess success) {
            takePlan(row, success.getPlan());
            finish(row, DeploymentState.SUCCEEDED, meta);
        } else if (payload instanceof DeploymentFailed failed) {
            takePlan(row, failed.getPlan());
            if (failed.getReason() != null) {
                // Marathon's own words beat the reason read from a failed step.
                row.setFailureReason(failed.getReason());
            }
            finish(row, isSuperseded(failed) ? DeploymentState.SUPERSEDED : DeploymentState.FAILED, meta);
        }
        return row.setUpdatedAt(meta.getIngestTimestamp()).build();
    }

    private static boolean isSuperseded(DeploymentFailed failed) {
        return failed.getReason() != null && failed.getReason().contains("superseded");
    }

    /** Whether a finished row has been kept for {@code retention} by {@code now} and is to be removed. */
    static boolean isExpired(DeploymentView row, Instant now, Duration retention) {
        return row.getFinished() != null && !row.getFinished().plus(retention).isAfter(now);
    }

    private static boolean isFinished(DeploymentView row) {
        DeploymentState state = row.getState();
        return state == DeploymentState.SUCCEEDED || state == DeploymentState.FAILED
                || state == DeploymentState.SUPERSEDED;
    }

    private static DeploymentView.Builder finish(DeploymentView.Builder row, DeploymentState outcome, EventMeta meta) {
        return row.setState(outcome).setFinished(happenedAt(meta));
    }

    /** The plan's fields; a payload without a plan (deployment_success may carry only the id) keeps them. */
    private static void takePlan(DeploymentView.Builder row, DeploymentPlan plan) {
        if (plan == null) {
            return;
        }
        row.setVersion(plan.getVersion()).setSteps(plan.getSteps()).setTotalSteps(plan.getSteps().size())
                .setAffectedApps(plan.getAffectedApps()).setAffectedPods(plan.getAffectedPods());
    }

    /** Makes {@code step} the current one; its number is unknown (null) when the plan has no equal step. */
    private static void takeStep(DeploymentView.Builder row, DeploymentStep step) {
        if (step == null) {
            return;
        }
        int index = row.getSteps().indexOf(step);
        row.setCurrentStep(index < 0 ? null : index + 1).setCurrentActions(step.getActions());
    }

    /**
     * The current step, which just failed, in words: e.g.
     * "step 2 of 3 failed: RestartApplication /prod/web, ScaleApplication /prod/db".
     */
    private static String failedStep(DeploymentView.Builder row) {
        String which = row.getCurrentStep() == null ? "a step"
                : "step " + row.getCurrentStep() + " of " + row.getTotalSteps();
        if (row.getCurrentActions().isEmpty()) {
            return which + " failed";
        }
        return which + " failed: " + row.getCurrentActions().stream().map(DeploymentViewFold::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(DeploymentAction action) {
        String target = action.getApp() != null ? action.getApp() : action.getPod();
        return target == null ? action.getAction() : action.getAction() + " " + target;
    }

    /** When the event happened: its source time, else (resync records have none) its ingest time. */
    private static Instant happenedAt(EventMeta meta) {
        return meta.getSourceTimestamp() != null ? meta.getSourceTimestamp() : meta.getIngestTimestamp();
    }
}
