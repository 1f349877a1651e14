package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/** One framework of the model: its current {@code Framework} message and its tasks. */
final class FrameworkEntry {

    enum Status {
        /** Listed in {@code GetFrameworks.frameworks}. */
        REGISTERED,
        /** Its tasks are being killed; still listed as registered until {@code FRAMEWORK_REMOVED}. */
        TEARING_DOWN,
        /** Listed in {@code GetFrameworks.completed_frameworks}. */
        COMPLETED
    }

    final String id;
    final FrameworkKind kind;
    /** Tasks that have not completed, in launch order. */
    final Set<TaskEntry> tasks = new LinkedHashSet<>();
    /** Completed tasks still remembered, oldest first. */
    final Deque<TaskEntry> completed = new ArrayDeque<>();
    Framework framework;
    Status status = Status.REGISTERED;
    /**
     * An external scheduler plays this framework's scheduler (see {@link ExternalScheduler}): the
     * model launches, kills and disconnects nothing of it; its tasks fail and flap on their own.
     */
    boolean external;

    FrameworkEntry(String id, FrameworkKind kind, Framework framework) {
        this.id = id;
        this.kind = kind;
        this.framework = framework;
    }

    boolean isMarathon() {
        return kind.name().equals(Catalogue.MARATHON);
    }
}
