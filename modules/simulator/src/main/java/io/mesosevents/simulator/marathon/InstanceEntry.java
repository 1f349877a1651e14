package io.mesosevents.simulator.marathon;

import java.time.Instant;
import java.util.List;

/**
 * One instance of an app (one task) as Marathon knows it; mutable, owned by the model. It is
 * scheduled (no {@code state}) from its launch until Mesos first reports on it, and leaves the
 * model when Mesos reports it terminal.
 */
final class InstanceEntry {

    final String instanceId;
    final String taskId;
    final String appId;
    /** The app version the instance runs. */
    final AppDefinition definition;
    String state;
    String agentId;
    String host;
    List<Integer> ports = List.of();
    Instant stagedAt;
    Instant startedAt;
    /** Null until the first health check result. */
    HealthState health;
    /** Marathon asked Mesos to kill it: it no longer counts towards the app's instances. */
    boolean killRequested;
    /** Unreachable for longer than the app allows: replaced, though it may still come back. */
    boolean inactive;
    Instant unreachableSince;

    InstanceEntry(String instanceId, String taskId, AppDefinition definition) {
        this.instanceId = instanceId;
        this.taskId = taskId;
        this.appId = definition.id();
        this.definition = definition;
    }

    boolean scheduled() {
        return state == null;
    }

    boolean running() {
        return "TASK_RUNNING".equals(state);
    }

    /** Running and, when checked, healthy: what deployments and the health capacity count. */
    boolean ready() {
        return running() && (!definition.healthChecked() || health != null && health.alive());
    }

    /** Counts towards the app's instances. */
    boolean active() {
        return !killRequested && !inactive;
    }

    String version() {
        return Timestamps.format(definition.version());
    }
}
