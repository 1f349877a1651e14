package io.mesosevents.simulator.marathon;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An app as Marathon knows it: its current definition and instances, and what drives them; mutable, owned by the model. */
final class AppEntry {

    AppDefinition definition;
    /** The definition before the last change, which a rollback restores. */
    AppDefinition previous;
    /** By instance id, in launch order. */
    final Map<String, InstanceEntry> instances = new LinkedHashMap<>();
    /** The deployment driving the app, or null. */
    Deployment deployment;
    /** False while a new app's deployment has not reached the step that scales it up. */
    boolean started;
    /** Deleted: no longer listed, its instances being killed. */
    boolean removed;
    /** Task failures since an instance last came up, which set the launch delay. */
    int failures;
    /** No launches before this (simulated) time; null when not delayed. */
    Instant delayedUntil;
    TaskFailure lastTaskFailure;

    AppEntry(AppDefinition definition, boolean started) {
        this.definition = definition;
        this.started = started;
    }

    String id() {
        return definition.id();
    }

    List<InstanceEntry> activeInstances() {
        return instances.values().stream().filter(InstanceEntry::active).toList();
    }

    boolean delayed(Instant now) {
        return delayedUntil != null && now.isBefore(delayedUntil);
    }

    /** Replaces the definition, remembering the one before for a rollback. */
    void define(AppDefinition next) {
        previous = definition;
        definition = next;
    }
}
