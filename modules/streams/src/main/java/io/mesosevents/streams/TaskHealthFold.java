package io.mesosevents.streams;

import io.mesosevents.model.state.TaskHealth;
import java.time.Instant;

/**
 * A task's health, folded from both sources' health signals:
 * <ul>
 *   <li>Mesos-native checks: {@code TaskStatus.healthy}. Mesos sends a status update when the verdict
 *       changes, so a failure counts once when the Mesos verdict turns unhealthy.</li>
 *   <li>Marathon checks: {@code health_status_changed_event.alive} sets Marathon's verdict;
 *       every {@code failed_health_check_event} is one failed check; an unhealthy kill names the cause.</li>
 * </ul>
 * A success resets the consecutive failures. The combined verdict is unhealthy if either source
 * says so, healthy if one says healthy and none unhealthy, unknown (null) otherwise.
 */
final class TaskHealthFold {

    private TaskHealthFold() {
    }

    /** A Mesos status carried {@code healthy}. */
    static TaskHealth mesosResult(TaskHealth previous, String taskId, boolean healthy, Instant at, String message) {
        TaskHealth.Builder health = start(previous, taskId);
        boolean turnedUnhealthy = !healthy && !Boolean.FALSE.equals(health.getMesosHealthy());
        health.setMesosHealthy(healthy);
        if (healthy) {
            succeeded(health, at);
        } else if (turnedUnhealthy) {
            failed(health, at, message != null ? message : "Mesos health check failed");
        }
        return finish(health, at);
    }

    /** Marathon's verdict changed ({@code health_status_changed_event}). */
    static TaskHealth marathonVerdict(TaskHealth previous, String taskId, String instanceId, boolean alive,
                                      Instant at) {
        TaskHealth.Builder health = start(previous, taskId).setAlive(alive);
        if (instanceId != null) {
            health.setInstanceId(instanceId);
        }
        if (alive) {
            succeeded(health, at);
        }
        return finish(health, at);
    }

    /** One Marathon health check failed ({@code failed_health_check_event}). */
    static TaskHealth marathonFailedCheck(TaskHealth previous, String taskId, String instanceId, Instant at,
                                          String cause) {
        TaskHealth.Builder health = start(previous, taskId);
        if (instanceId != null) {
            health.setInstanceId(instanceId);
        }
        failed(health, at, cause);
        return finish(health, at);
    }

    /** Marathon killed the task for failing its checks: the cause of the latest failure becomes that reason. */
    static TaskHealth killedUnhealthy(TaskHealth previous, String taskId, Instant at, String reason) {
        TaskHealth.Builder health = start(previous, taskId).setAlive(false);
        if (health.getLastFailure() == null) {
            health.setLastFailure(at);
        }
        health.setLastFailureCause(reason != null ? reason : "killed as unhealthy");
        return finish(health, at);
    }

    /** A task seen in a Marathon snapshot with a health verdict; not a check of its own, so nothing is counted. */
    static TaskHealth marathonSnapshot(TaskHealth previous, String taskId, boolean alive, Instant at) {
        return finish(start(previous, taskId).setAlive(alive), at);
    }

    static Boolean combined(Boolean alive, Boolean mesosHealthy) {
        if (Boolean.FALSE.equals(alive) || Boolean.FALSE.equals(mesosHealthy)) {
            return false;
        }
        return Boolean.TRUE.equals(alive) || Boolean.TRUE.equals(mesosHealthy) ? true : null;
    }

    private static TaskHealth.Builder start(TaskHealth previous, String taskId) {
        return previous != null ? TaskHealth.newBuilder(previous) : TaskHealth.newBuilder().setTaskId(taskId);
    }

    private static void succeeded(TaskHealth.Builder health, Instant at) {
        health.setConsecutiveFailures(0).setLastSuccess(at);
        if (health.getFirstSuccess() == null) {
            health.setFirstSuccess(at);
        }
    }

    private static void failed(TaskHealth.Builder health, Instant at, String cause) {
        health.setConsecutiveFailures(health.getConsecutiveFailures() + 1).setLastFailure(at).setLastFailureCause(cause);
    }

    private static TaskHealth finish(TaskHealth.Builder health, Instant at) {
        return health.setHealthy(combined(health.getAlive(), health.getMesosHealthy())).setUpdatedAt(at).build();
    }
}
