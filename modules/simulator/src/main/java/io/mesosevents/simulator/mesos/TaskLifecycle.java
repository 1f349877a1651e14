package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;

import static org.apache.mesos.v1.Protos.TaskState.TASK_DROPPED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_ERROR;
import static org.apache.mesos.v1.Protos.TaskState.TASK_FAILED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_FINISHED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_KILLED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_KILLING;
import static org.apache.mesos.v1.Protos.TaskState.TASK_LOST;
import static org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING;
import static org.apache.mesos.v1.Protos.TaskState.TASK_STARTING;
import static org.apache.mesos.v1.Protos.TaskState.TASK_UNREACHABLE;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_EXECUTOR_TERMINATED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_INVALID_OFFERS;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_TASK_INVALID;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_AGENT;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_EXECUTOR;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_MASTER;

/**
 * How a task moves through its states, one {@code TASK_UPDATED} at a time:
 * STAGING → STARTING → RUNNING → KILLING → KILLED, or FINISHED, FAILED, ERROR, DROPPED, LOST on the
 * way; STARTING is sometimes skipped, a running task's health flaps, and sometimes the agent is a
 * state ahead of the status the master forwards ({@code TaskUpdated.state} newer than
 * {@code status.state}), as on real masters. Records each update in the task as the master does.
 */
final class TaskLifecycle {

    private final SimRandom random;
    private final ClusterProtos protos;
    private final Cluster cluster;

    TaskLifecycle(SimRandom random, ClusterProtos protos, Cluster cluster) {
        this.random = random;
        this.protos = protos;
        this.cluster = cluster;
    }

    /** Moves an in-flight task one step: sends its pending status, or takes it to a next state. */
    Event stepInFlight() {
        TaskEntry task = cluster.inFlight.pick(random);
        if (task.pending != null) {
            TaskStatus status = task.pending;
            task.pending = null;
            return update(task, status, task.task.getState());
        }
        double r = random.nextDouble();
        return switch (task.task.getState()) {
            case TASK_STAGING -> {
                if (r < 0.70) {
                    yield transition(task, TASK_STARTING, SOURCE_EXECUTOR, null);
                } else if (r < 0.82) {
                    yield transition(task, TASK_RUNNING, SOURCE_EXECUTOR, null);
                } else if (r < 0.88) {
                    yield lagging(task, TASK_STARTING, TASK_RUNNING, null);
                } else if (r < 0.94) {
                    yield transition(task, TASK_FAILED, SOURCE_AGENT, REASON_CONTAINER_LAUNCH_FAILED);
                } else if (r < 0.97) {
                    yield transition(task, task.framework.kind.partitionAware() ? TASK_DROPPED : TASK_LOST,
                            SOURCE_MASTER, REASON_INVALID_OFFERS);
                }
                yield transition(task, TASK_ERROR, SOURCE_MASTER, REASON_TASK_INVALID);
            }
            case TASK_STARTING -> {
                if (r < 0.85) {
                    yield transition(task, TASK_RUNNING, SOURCE_EXECUTOR, null);
                } else if (r < 0.92) {
                    yield lagging(task, TASK_RUNNING, TASK_FAILED, REASON_COMMAND_EXECUTOR_FAILED);
                }
                yield transition(task, TASK_FAILED, SOURCE_EXECUTOR, REASON_COMMAND_EXECUTOR_FAILED);
            }
            case TASK_KILLING -> {
                if (r < 0.92) {
                    yield transition(task, TASK_KILLED, SOURCE_EXECUTOR, null);
                } else if (r < 0.97) {
                    yield transition(task, TASK_FINISHED, SOURCE_EXECUTOR, null);
                }
                yield transition(task, TASK_FAILED, SOURCE_EXECUTOR, REASON_COMMAND_EXECUTOR_FAILED);
            }
            default -> throw new IllegalStateException("Task " + task.id() + " has no step from " + task.task.getState());
        };
    }

    /** Something happens to a running task: its health changes, it is killed, finishes, fails or is lost. */
    Event stepRunning() {
        TaskEntry task = cluster.running.pick(random);
        if (task.workload.healthChecked() && random.chance(0.45)) {
            return healthChanged(task);
        }
        double r = random.nextDouble();
        if (r < 0.40) {
            if (!task.framework.kind.killingState()) {
                return transition(task, TASK_KILLED, SOURCE_EXECUTOR, null);
            }
            return random.chance(0.15)
                    ? lagging(task, TASK_KILLING, TASK_KILLED, null)
                    : transition(task, TASK_KILLING, SOURCE_EXECUTOR, null);
        } else if (r < 0.70) {
            return transition(task, TASK_FINISHED, SOURCE_EXECUTOR, null);
        } else if (r < 0.95) {
            return transition(task, TASK_FAILED, SOURCE_EXECUTOR,
                    random.chance(0.5) ? REASON_COMMAND_EXECUTOR_FAILED : REASON_CONTAINER_LIMITATION_MEMORY);
        }
        // Partition-aware frameworks never see TASK_LOST.
        return transition(task, task.framework.kind.partitionAware() ? TASK_FAILED : TASK_LOST, SOURCE_AGENT,
                REASON_EXECUTOR_TERMINATED);
    }

    /**
     * Something happens to a running task of an external scheduler: its health changes, or it fails.
     * The model never kills or finishes such a task; that is for its scheduler to decide.
     */
    Event stepExternalRunning() {
        TaskEntry task = cluster.externalRunning.pick(random);
        if (task.workload.healthChecked() && random.chance(0.7)) {
            return healthChanged(task);
        }
        return transition(task, TASK_FAILED, SOURCE_EXECUTOR,
                random.chance(0.5) ? REASON_COMMAND_EXECUTOR_FAILED : REASON_CONTAINER_LIMITATION_MEMORY);
    }

    /** A health check of a running task flips: a same-state update carrying the new {@code healthy}. */
    private Event healthChanged(TaskEntry task) {
        TaskStatus last = task.task.getStatuses(task.task.getStatusesCount() - 1);
        boolean healthy = !(last.hasHealthy() && last.getHealthy());
        return update(task, protos.status(task, TASK_RUNNING, SOURCE_EXECUTOR, REASON_TASK_HEALTH_CHECK_STATUS_UPDATED,
                healthy), TASK_RUNNING);
    }

    Event transition(TaskEntry task, TaskState state, TaskStatus.Source source, TaskStatus.Reason reason) {
        return update(task, protos.status(task, state, source, reason, null), state);
    }

    /**
     * The agent has moved through {@code first} to {@code latest} already; the master announces
     * {@code latest} as the task's state with the older status and sends the newer one next.
     */
    private Event lagging(TaskEntry task, TaskState first, TaskState latest, TaskStatus.Reason reason) {
        TaskStatus older = protos.status(task, first, SOURCE_EXECUTOR, null, null);
        task.pending = protos.status(task, latest, SOURCE_EXECUTOR, reason, null);
        return update(task, older, latest);
    }

    /** Records a status update as the master does and returns its {@code TASK_UPDATED}. */
    Event update(TaskEntry task, TaskStatus status, TaskState state) {
        Task.Builder updated = task.task.toBuilder();
        int last = updated.getStatusesCount() - 1;
        // The master keeps one status per state: a repeated state (a health change) replaces the last.
        if (last >= 0 && updated.getStatuses(last).getState() == status.getState()) {
            updated.removeStatuses(last);
        }
        task.task = updated.addStatuses(status).setState(state)
                .setStatusUpdateState(status.getState()).setStatusUpdateUuid(status.getUuid()).build();
        if (isTerminal(status.getState())) {
            cluster.moveTask(task, TaskEntry.Bucket.COMPLETED);
        } else if (status.getState() == TASK_UNREACHABLE) {
            cluster.moveTask(task, TaskEntry.Bucket.UNREACHABLE);
        } else {
            cluster.reindex(task);
        }
        return Events.taskUpdated(task.task.getFrameworkId(), status, state);
    }

    static boolean isTerminal(TaskState state) {
        return switch (state) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                 TASK_GONE_BY_OPERATOR -> true;
            default -> false;
        };
    }
}
