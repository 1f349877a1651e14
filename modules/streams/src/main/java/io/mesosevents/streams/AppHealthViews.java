package io.mesosevents.streams;

import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.TaskHealth;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app's health row from its tasks: counts over the tasks that are not finished (staged,
 * starting, running, killing, unreachable), their health detail by task id, and the app's latest
 * success and failure across them.
 */
final class AppHealthViews {

    private AppHealthViews() {
    }

    static AppHealthView of(AppTasks tasks) {
        AppHealthView.Builder row = AppHealthView.newBuilder().setCluster(tasks.getCluster())
                .setAppId(tasks.getAppId());
        int alive = 0;
        int healthy = 0;
        int unhealthy = 0;
        int unknown = 0;
        Map<String, TaskHealth> detail = new LinkedHashMap<>();
        for (Map.Entry<String, AppTask> entry : tasks.getTasks().entrySet()) {
            TaskState state = entry.getValue().getState();
            if (TaskStates.isTerminal(state)) {
                continue;
            }
            TaskHealth health = entry.getValue().getHealth();
            Boolean verdict = health != null ? health.getHealthy() : null;
            if (verdict == null) {
                unknown++;
            } else if (verdict) {
                healthy++;
            } else {
                unhealthy++;
            }
            if (health == null) {
                continue;
            }
            detail.put(entry.getKey(), health);
            if (Boolean.TRUE.equals(health.getAlive())) {
                alive++;
            }
            if (isLater(health.getLastSuccess(), row.getLastSuccess())) {
                row.setLastSuccess(health.getLastSuccess());
            }
            if (isLater(health.getLastFailure(), row.getLastFailure())) {
                row.setLastFailure(health.getLastFailure()).setLastFailureCause(health.getLastFailureCause())
                        .setLastFailureTaskId(entry.getKey());
            }
        }
        Instant updatedAt = tasks.getUpdatedAt() != null ? tasks.getUpdatedAt() : Instant.EPOCH;
        return row.setAliveTasks(alive).setHealthyTasks(healthy).setUnhealthyTasks(unhealthy)
                .setUnknownTasks(unknown).setTasks(detail).setUpdatedAt(updatedAt).build();
    }

    private static boolean isLater(Instant candidate, Instant current) {
        return candidate != null && (current == null || candidate.isAfter(current));
    }
}
