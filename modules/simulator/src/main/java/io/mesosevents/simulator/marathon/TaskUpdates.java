package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How Marathon reacts to Mesos: each status update becomes a {@code status_update_event} and an
 * {@code instance_changed_event}; health results become health events and, after too many
 * failures in a row, an unhealthy kill; failures delay the app's next launches (backoff); and the
 * app is then made to follow its definition again, which replaces what was lost. Also moves
 * instances along with time: a launch delay ends, an unreachable instance becomes inactive.
 *
 * <p>What Marathon records (start times, health results, failures, delays) it stamps with its own
 * clock, not the backend's: a coupled Mesos simulator keeps time of its own.
 */
final class TaskUpdates {

    private final SimRandom random;
    private final SimClock clock;
    private final MarathonState state;
    private final MarathonEvents events;
    private final FollowUps followUps;
    private final DeploymentEngine engine;
    private final AppScheduler scheduler;
    private final TaskBackend backend;

    TaskUpdates(SimRandom random, SimClock clock, MarathonState state, MarathonEvents events, FollowUps followUps,
                DeploymentEngine engine, AppScheduler scheduler, TaskBackend backend) {
        this.random = random;
        this.clock = clock;
        this.state = state;
        this.events = events;
        this.followUps = followUps;
        this.engine = engine;
        this.scheduler = scheduler;
        this.backend = backend;
    }

    /** Applies one status update; returns its first event (null if it changes nothing) and queues the rest. */
    BusEvent apply(TaskUpdate update) {
        InstanceEntry instance = state.instancesByTask.get(update.taskId());
        if (instance == null) {
            return unknown(update);
        }
        AppEntry app = state.apps.get(instance.appId);
        if (update.state().equals(instance.state)) {
            // Mesos repeats a state to report a health check result (or on reconciliation).
            return update.healthy().isPresent() && instance.running()
                    ? health(app, instance, update.healthy().get(), update) : null;
        }
        record(instance, update);
        if (update.state().equals("TASK_RUNNING")) {
            app.failures = 0;
            app.delayedUntil = null;
        }
        BusEvent statusUpdate = events.statusUpdate(instance, update.message());
        String condition = Condition.of(update.state());
        boolean terminal = Condition.terminal(update.state());
        if (terminal) {
            state.removeInstance(app, instance);
            if (!instance.killRequested) {
                recordFailure(app, instance, update);
            }
        }
        followUps.add(() -> events.instanceChanged(instance, condition));
        if (!terminal && instance.running() && update.healthy().isPresent()) {
            boolean healthy = update.healthy().get();
            followUps.add(() -> state.instancesByTask.containsKey(instance.taskId) && instance.running()
                    ? health(app, instance, healthy, update) : null);
        }
        engine.afterChange(app);
        return statusUpdate;
    }

    /** Ends launch delays that are over and makes instances unreachable for too long inactive, so they are replaced. */
    void timePasses() {
        Instant now = clock.now();
        for (AppEntry app : List.copyOf(state.apps.values())) {
            if (app.delayedUntil != null && !now.isBefore(app.delayedUntil)) {
                app.delayedUntil = null;
                engine.afterChange(app);
            }
            for (InstanceEntry instance : app.instances.values()) {
                if (instance.unreachableSince != null && !instance.inactive && !now.isBefore(
                        instance.unreachableSince.plusSeconds(instance.definition.inactiveAfterSeconds()))) {
                    instance.inactive = true;
                    followUps.add(() -> {
                        engine.afterChange(app);
                        return events.instanceChanged(instance, "UnreachableInactive");
                    });
                }
            }
        }
    }

    private void record(InstanceEntry instance, TaskUpdate update) {
        Instant now = clock.now();
        instance.state = update.state();
        if (instance.agentId == null && update.agentId() != null && !update.agentId().isEmpty()) {
            instance.agentId = update.agentId();
            instance.host = update.host();
        }
        if (instance.ports.isEmpty()) {
            instance.ports = update.ports();
        }
        if (instance.stagedAt == null) {
            instance.stagedAt = now;
        }
        switch (update.state()) {
            case "TASK_RUNNING" -> {
                if (instance.startedAt == null) {
                    instance.startedAt = now;
                }
                instance.unreachableSince = null;
                instance.inactive = false;
            }
            case "TASK_UNREACHABLE" -> instance.unreachableSince = now;
            default -> {
            }
        }
    }

    /**
     * A task ended without Marathon asking: remembered as the app's last failure and, when the
     * task itself failed, the app's next launch waits {@code backoffSeconds * backoffFactor^(n-1)}
     * (at most {@code maxLaunchDelaySeconds}) after its n-th failure in a row.
     */
    private void recordFailure(AppEntry app, InstanceEntry instance, TaskUpdate update) {
        String state = update.state();
        if (state.equals("TASK_FINISHED") || state.equals("TASK_KILLED")) {
            return;
        }
        Instant now = clock.now();
        app.lastTaskFailure = new TaskFailure(app.id(), instance.host, update.message(), state, instance.taskId,
                now, instance.version(), instance.agentId);
        if (state.equals("TASK_FAILED") || state.equals("TASK_ERROR")) {
            app.failures++;
            AppDefinition definition = app.definition;
            double seconds = Math.min(definition.maxLaunchDelaySeconds(),
                    definition.backoffSeconds() * Math.pow(definition.backoffFactor(), app.failures - 1));
            app.delayedUntil = now.plus(Duration.ofMillis((long) (seconds * 1000)));
        }
    }

    /**
     * A health check result. A change of health is announced (Marathon 1.4+'s instance event and
     * the older per-task one); a failure always is, and enough failures in a row kill the instance.
     */
    private BusEvent health(AppEntry app, InstanceEntry instance, boolean healthy, TaskUpdate update) {
        if (!instance.definition.healthChecked()) {
            return null;
        }
        HealthCheckDefinition check = instance.definition.healthChecks().get(0);
        String cause = healthy ? null : failureCause(check, update.message());
        HealthState before = instance.health;
        instance.health = before == null ? HealthState.firstResult(healthy, clock.now(), cause)
                : before.next(healthy, clock.now(), cause);
        boolean changed = before == null || before.alive() != healthy;
        BusEvent first = null;
        if (changed) {
            first = events.healthStatusChanged(instance, healthy);
            followUps.add(() -> events.instanceHealthChanged(instance, healthy));
        }
        if (!healthy) {
            if (first == null) {
                first = events.failedHealthCheck(instance, check);
            } else {
                followUps.add(() -> events.failedHealthCheck(instance, check));
            }
            if (check.maxConsecutiveFailures() > 0 && instance.health.consecutiveFailures() >= check.maxConsecutiveFailures()
                    && !instance.killRequested) {
                boolean beforeMarathon14 = random.chance(0.25);
                followUps.add(() -> killUnhealthy(app, instance, check, beforeMarathon14));
            }
        }
        engine.afterChange(app);
        return first;
    }

    /** Marathon 1.4 renamed the event; a quarter of kills are announced the older way, as a mixed fleet would. */
    private BusEvent killUnhealthy(AppEntry app, InstanceEntry instance, HealthCheckDefinition check, boolean beforeMarathon14) {
        if (!state.instancesByTask.containsKey(instance.taskId) || instance.killRequested) {
            return null;
        }
        scheduler.kill(instance);
        String reason = check.protocol() + " health check failed " + check.maxConsecutiveFailures() + " times in a row";
        BusEvent kill = beforeMarathon14 ? events.unhealthyTaskKill(instance, reason)
                : events.unhealthyInstanceKill(instance, reason);
        engine.afterChange(app);
        return kill;
    }

    private static String failureCause(HealthCheckDefinition check, String message) {
        if (message != null && !message.isEmpty()) {
            return message;
        }
        return switch (check.protocol()) {
            case "TCP" -> "ConnectException: Connection refused";
            default -> "AskTimeoutException: Ask timed out on " + check.path() + " after " + check.timeoutSeconds() + " s";
        };
    }

    /**
     * A task Marathon does not know: if it ended, Marathon says so ({@code unknown_instance_terminated_event},
     * the instance and app read from the task id); if it runs, Marathon kills it.
     */
    private BusEvent unknown(TaskUpdate update) {
        if (!Condition.terminal(update.state())) {
            backend.kill(update.taskId());
            return null;
        }
        String taskId = update.taskId();
        int marker = taskId.indexOf(".instance-");
        String safeId = marker > 0 ? taskId.substring(0, marker) : taskId.substring(0, Math.max(0, taskId.indexOf('.')));
        String instanceId = marker > 0
                ? safeId + ".marathon-" + taskId.substring(marker + ".instance-".length()).replaceFirst("\\._app\\.\\d+$", "")
                : taskId;
        return events.unknownInstanceTerminated(instanceId, "/" + safeId.replace('_', '/'), Condition.of(update.state()));
    }
}
