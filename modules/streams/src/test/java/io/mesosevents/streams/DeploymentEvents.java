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
import io.mesosevents.model.marathon.ResyncMarker;
import java.time.Instant;
import java.util.List;

/**
 * Deployment records of {@code marathon.events} as the ingestor writes them, made with the generated
 * builders. Live events come from session {@link #LIVE} with source time {@code T0 + second} s; the
 * records of a resync come from session {@link #RESYNC} and, like the ingestor's, have no source time.
 * Every record is ingested one second after {@code T0 + second}.
 */
final class DeploymentEvents {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000Z");
    static final String LIVE = "session-1";
    static final String RESYNC = "session-2";
    static final String PLAN_ID = "97c136bf-5a28-4821-9d94-480d9fbb01c8";
    static final String VERSION = "2026-03-01T11:59:58.123Z";

    /** Three steps, as Marathon plans a new app with a dependency and a pod: start, scale, restart. */
    static final DeploymentStep START = step(action("StartApplication", "/prod/web", null),
            action("StartApplication", "/prod/api", null));
    static final DeploymentStep SCALE = step(action("ScaleApplication", "/prod/web", null),
            action("ScaleApplication", "/prod/api", null));
    static final DeploymentStep RESTART = step(action("RestartApplication", null, "/prod/db"));
    static final DeploymentPlan PLAN = plan(PLAN_ID, START, SCALE, RESTART);

    private DeploymentEvents() {
    }

    /** The record key the ingestor gives an entity's records. */
    static String key(String cluster, String id) {
        return cluster + "/" + id;
    }

    static DeploymentAction action(String action, String app, String pod) {
        return DeploymentAction.newBuilder().setAction(action).setApp(app).setPod(pod).build();
    }

    static DeploymentStep step(DeploymentAction... actions) {
        return DeploymentStep.newBuilder().setActions(List.of(actions)).build();
    }

    /** A plan with its affected apps and pods filled from the steps, as the ingestor fills them. */
    static DeploymentPlan plan(String id, DeploymentStep... steps) {
        List<DeploymentAction> actions = List.of(steps).stream().flatMap(step -> step.getActions().stream()).toList();
        return DeploymentPlan.newBuilder().setId(id).setVersion(VERSION).setSteps(List.of(steps))
                .setAffectedApps(actions.stream().map(DeploymentAction::getApp).filter(app -> app != null).distinct()
                        .toList())
                .setAffectedPods(actions.stream().map(DeploymentAction::getPod).filter(pod -> pod != null).distinct()
                        .toList())
                .build();
    }

    /** A live change: session {@link #LIVE}, source time {@code T0 + second}. */
    static EventMeta live(String cluster, long sequence, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://marathon:8080").setSessionId(LIVE)
                .setSequence(sequence).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second + 1)).setKind(EventKind.DELTA).build();
    }

    /** A record of a resync: session {@link #RESYNC}, no source time. */
    static EventMeta resync(String cluster, EventKind kind, long sequence, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://marathon:8080").setSessionId(RESYNC)
                .setSequence(sequence).setSourceTimestamp(null).setIngestTimestamp(T0.plusSeconds(second + 1))
                .setKind(kind).build();
    }

    static MarathonEvent event(EventMeta meta, String eventType, Object payload) {
        return MarathonEvent.newBuilder().setMeta(meta).setEventType(eventType)
                .setTimestamp(meta.getSourceTimestamp()).setPayload(payload).build();
    }

    /** deployment_info: step {@code number} (1-based) of {@code plan} starts. */
    static MarathonEvent info(String cluster, DeploymentPlan plan, int number, long sequence, int second) {
        return event(live(cluster, sequence, second), "deployment_info",
                new DeploymentInfo(plan, plan.getSteps().get(number - 1)));
    }

    static MarathonEvent stepSuccess(String cluster, DeploymentPlan plan, int number, long sequence, int second) {
        return event(live(cluster, sequence, second), "deployment_step_success",
                new DeploymentStepSuccess(plan, plan.getSteps().get(number - 1)));
    }

    static MarathonEvent stepFailure(String cluster, DeploymentPlan plan, int number, long sequence, int second) {
        return event(live(cluster, sequence, second), "deployment_step_failure",
                new DeploymentStepFailure(plan, plan.getSteps().get(number - 1)));
    }

    static MarathonEvent success(String cluster, DeploymentPlan plan, long sequence, int second) {
        return event(live(cluster, sequence, second), "deployment_success", new DeploymentSuccess(plan.getId(), plan));
    }

    static MarathonEvent failed(String cluster, DeploymentPlan plan, long sequence, int second) {
        return event(live(cluster, sequence, second), "deployment_failed", new DeploymentFailed(plan.getId(), plan, null));
    }

    /** deployment_snapshot of a resync: {@code plan} running step {@code currentStep} (1-based). */
    static MarathonEvent snapshot(String cluster, DeploymentPlan plan, int currentStep, long sequence, int second) {
        DeploymentSnapshot snapshot = DeploymentSnapshot.newBuilder().setPlan(plan).setCurrentStep(currentStep)
                .setTotalSteps(plan.getSteps().size())
                .setCurrentActions(plan.getSteps().get(currentStep - 1).getActions())
                .setDeploymentJson("{\"id\":\"" + plan.getId() + "\"}").build();
        return event(resync(cluster, EventKind.SNAPSHOT, sequence, second), "deployment_snapshot", snapshot);
    }

    /** app_gone, pod_gone or deployment_gone of a resync, by {@code entityType}. */
    static MarathonEvent gone(String cluster, String entityType, String id, long sequence, int second) {
        return event(resync(cluster, EventKind.GONE, sequence, second), entityType + "_gone",
                new EntityGone(entityType, id));
    }

    /** snapshot_begin or snapshot_end of a resync, keyed by the bare cluster. */
    static MarathonEvent marker(String cluster, EventKind kind, long sequence, int second) {
        return event(resync(cluster, kind, sequence, second),
                kind == EventKind.SNAPSHOT_BEGIN ? "snapshot_begin" : "snapshot_end", new ResyncMarker());
    }
}
