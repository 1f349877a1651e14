package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * Runs deployments as Marathon does: a deployment is announced with {@code deployment_info} for
 * its first step; a step is done when each of its actions is (the app stopped, or running the
 * asked-for count of instances of its version, all running and healthy), which
 * {@code deployment_step_success} announces before the next step's {@code deployment_info} or,
 * after the last, {@code deployment_success}. A cancelled or superseded deployment ends with
 * {@code deployment_step_failure} and {@code deployment_failed}.
 *
 * <p>Every change to an app goes through {@link #afterChange}, which makes its instances follow
 * the app and then sees whether that finished a step.
 */
final class DeploymentEngine {

    private final SimRandom random;
    private final SimClock clock;
    private final MarathonState state;
    private final MarathonEvents events;
    private final FollowUps followUps;
    private final AppScheduler scheduler;

    DeploymentEngine(SimRandom random, SimClock clock, MarathonState state, MarathonEvents events, FollowUps followUps,
                     AppScheduler scheduler) {
        this.random = random;
        this.clock = clock;
        this.state = state;
        this.events = events;
        this.followUps = followUps;
        this.scheduler = scheduler;
    }

    Deployment plan(List<DeploymentStep> steps, ObjectNode original, ObjectNode target) {
        return new Deployment(random.uuid(), clock.now(), steps, original, target);
    }

    /**
     * Queues the start of {@code deployment}: when its {@code deployment_info} is made, {@code apply}
     * changes what the plan's target says (unless an earlier event of the change did), the
     * deployment is listed and its first step starts.
     */
    void launch(Deployment deployment, Runnable apply) {
        followUps.add(() -> {
            apply.run();
            state.deployments.put(deployment.id, deployment);
            for (String appId : deployment.affectedApps()) {
                AppEntry app = state.apps.get(appId);
                if (app != null) {
                    app.deployment = deployment;
                }
            }
            deployment.currentStep = 1;
            BusEvent info = events.deploymentInfo(deployment);
            startStep(deployment);
            return info;
        });
    }

    /**
     * Queues the end of a running deployment that will not finish: its step fails, then the
     * deployment. Apps not in {@code takenOver} (those a new deployment goes on with) settle as they are.
     */
    void cancel(Deployment deployment, String reason, Set<String> takenOver) {
        // No step of it may be announced done from now on.
        deployment.stepDone = true;
        followUps.add(() -> events.deploymentStepFailure(deployment));
        followUps.add(() -> {
            state.deployments.remove(deployment.id);
            release(deployment);
            BusEvent failed = events.deploymentFailed(deployment, reason);
            for (String appId : deployment.affectedApps()) {
                AppEntry app = state.apps.get(appId);
                if (app != null && !takenOver.contains(appId)) {
                    afterChange(app);
                }
            }
            return failed;
        });
    }

    /** Makes the app's instances follow it, then finishes its deployment's step if that did it. */
    void afterChange(AppEntry app) {
        scheduler.reconcile(app);
        if (app.deployment != null) {
            check(app.deployment);
        }
    }

    private void startStep(Deployment deployment) {
        for (DeploymentAction action : deployment.current().actions()) {
            AppEntry app = action.app() == null ? null : state.apps.get(action.app());
            if (app != null && (action.action().equals("ScaleApplication") || action.action().equals("RestartApplication"))) {
                app.started = true;
            }
        }
        for (DeploymentAction action : deployment.current().actions()) {
            AppEntry app = action.app() == null ? null : state.apps.get(action.app());
            if (app != null) {
                scheduler.reconcile(app);
            }
        }
        check(deployment);
    }

    private void check(Deployment deployment) {
        if (deployment.stepDone || !state.deployments.containsKey(deployment.id)
                || !deployment.current().actions().stream().allMatch(this::done)) {
            return;
        }
        deployment.stepDone = true;
        for (DeploymentAction action : deployment.current().actions()) {
            if (action.action().equals("StopApplication")) {
                followUps.add(() -> {
                    state.apps.remove(action.app());
                    return events.appTerminated(action.app());
                });
            } else if (action.action().equals("StopPod")) {
                followUps.add(() -> events.appTerminated(action.pod()));
            }
        }
        followUps.add(() -> {
            BusEvent success = events.deploymentStepSuccess(deployment);
            followUps.add(deployment.lastStep() ? () -> finish(deployment) : () -> nextStep(deployment));
            return success;
        });
    }

    private BusEvent nextStep(Deployment deployment) {
        deployment.currentStep++;
        deployment.stepDone = false;
        BusEvent info = events.deploymentInfo(deployment);
        startStep(deployment);
        return info;
    }

    private BusEvent finish(Deployment deployment) {
        state.deployments.remove(deployment.id);
        release(deployment);
        BusEvent success = events.deploymentSuccess(deployment);
        for (String appId : deployment.affectedApps()) {
            AppEntry app = state.apps.get(appId);
            if (app != null) {
                afterChange(app);
            }
        }
        return success;
    }

    private void release(Deployment deployment) {
        for (String appId : deployment.affectedApps()) {
            AppEntry app = state.apps.get(appId);
            if (app != null && app.deployment == deployment) {
                app.deployment = null;
            }
        }
    }

    private boolean done(DeploymentAction action) {
        if (action.pod() != null) {
            return true;
        }
        AppEntry app = state.apps.get(action.app());
        return switch (action.action()) {
            case "StartApplication" -> true;
            case "StopApplication" -> app == null || app.instances.isEmpty();
            case "ScaleApplication" -> app != null && settled(app, false);
            case "RestartApplication" -> app != null && settled(app, true);
            default -> throw new IllegalStateException("Unknown deployment action " + action.action());
        };
    }

    /** The app runs exactly the instances it asks for, all ready, none being killed or replaced. */
    private static boolean settled(AppEntry app, boolean onlyCurrentVersion) {
        if (app.instances.size() != app.definition.instances()) {
            return false;
        }
        for (InstanceEntry instance : app.instances.values()) {
            if (!instance.active() || !instance.ready()) {
                return false;
            }
            if (onlyCurrentVersion && !instance.definition.version().equals(app.definition.version())) {
                return false;
            }
        }
        return true;
    }
}
