package io.mesosevents.streams;

import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppDefinition;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.AppView;
import java.time.Instant;
import java.util.List;

/**
 * An app's row: what Marathon says it should be ({@link AppDefinition}) beside what its tasks do
 * ({@link AppTasks}); either side may be missing.
 *
 * <p>An app is listed while Marathon defines it or while one of its tasks is active: the finished
 * tasks of an app Marathon destroyed stay in the task table for the finished retention, but the app
 * itself is gone.
 *
 * <p>Failed tasks are counted for the current version only when both the task's and the app's
 * versions are known; otherwise every failed task still in the table counts.
 */
final class AppViews {

    private AppViews() {
    }

    /** The app's row; null when Marathon does not define it and none of its tasks is active. */
    static AppView of(AppTasks tasks, AppDefinition definition) {
        if (definition == null && tasks.getTasks().values().stream().allMatch(task -> TaskStates.isTerminal(
                task.getState()))) {
            return null;
        }
        AppView.Builder row = AppView.newBuilder()
                .setCluster(definition != null ? definition.getCluster() : tasks.getCluster())
                .setAppId(definition != null ? definition.getAppId() : tasks.getAppId())
                .setOrigin(definition != null ? AppOrigin.MARATHON : tasks.getOrigin());
        String version = definition != null ? definition.getVersion() : null;
        List<String> deployments = definition != null ? definition.getDeployments() : List.of();
        int staged = 0;
        int running = 0;
        int healthy = 0;
        int unhealthy = 0;
        int failed = 0;
        if (tasks != null) {
            row.setFrameworkId(tasks.getFrameworkId()).setLastTaskFailure(tasks.getLastTaskFailure());
            for (AppTask task : tasks.getTasks().values()) {
                TaskState state = task.getState();
                if (state == TaskState.TASK_STAGING || state == TaskState.TASK_STARTING) {
                    staged++;
                } else if (state == TaskState.TASK_RUNNING) {
                    running++;
                    Boolean verdict = task.getHealth() != null ? task.getHealth().getHealthy() : null;
                    if (Boolean.TRUE.equals(verdict)) {
                        healthy++;
                    } else if (Boolean.FALSE.equals(verdict)) {
                        unhealthy++;
                    }
                } else if (AppTasksAggregation.FAILED.contains(state) && ofVersion(task, version)) {
                    failed++;
                }
            }
        }
        Integer desired = definition != null ? definition.getDesiredInstances() : null;
        int failuresSinceRunning = tasks != null ? tasks.getFailuresSinceRunning().size() : 0;
        return row.setDesiredInstances(desired).setVersion(version).setDeployments(deployments)
                .setStaged(staged).setRunning(running).setHealthy(healthy).setUnhealthy(unhealthy).setFailed(failed)
                .setStatus(AppStatusRule.of(desired, staged, running, deployments.size(), failuresSinceRunning))
                .setUpdatedAt(latest(definition != null ? definition.getUpdatedAt() : null,
                        tasks != null ? tasks.getUpdatedAt() : null))
                .build();
    }

    private static boolean ofVersion(AppTask task, String version) {
        return version == null || task.getVersion() == null || version.equals(task.getVersion());
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b != null ? b : Instant.EPOCH;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
