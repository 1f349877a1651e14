package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Response.GetExecutors.Executor;

/** One task of the model: its current {@code Task} message and where the master lists it. */
final class TaskEntry {

    enum Bucket {
        /** {@code GetTasks.tasks}. */
        ACTIVE,
        /** {@code GetTasks.unreachable_tasks}. */
        UNREACHABLE,
        /** {@code GetTasks.completed_tasks}: its terminal status has been sent. */
        COMPLETED,
        /** On a recovered agent: a master that failed over does not know it until the agent reregisters. */
        HIDDEN
    }

    final FrameworkEntry framework;
    final AgentEntry agent;
    final Workload workload;
    /** The task's custom executor, or null under the command executor. */
    final Executor executor;
    Task task;
    Bucket bucket = Bucket.ACTIVE;
    /**
     * A status the agent has already moved past but not yet sent: the master announces the newer
     * {@code state} first, with this older status, then sends it on the task's next step.
     */
    TaskStatus pending;
    /** The task as it was before it became unreachable, as its agent reports it when it comes back. */
    Task beforeUnreachable;
    /** Launched by its framework's external scheduler, which knows it and may kill it. */
    boolean external;
    /** A kill was asked for: it is under way, or waits for the task's agent to report the task again. */
    boolean killRequested;

    TaskEntry(FrameworkEntry framework, AgentEntry agent, Workload workload, Executor executor, Task task) {
        this.framework = framework;
        this.agent = agent;
        this.workload = workload;
        this.executor = executor;
        this.task = task;
    }

    String id() {
        return task.getTaskId().getValue();
    }
}
