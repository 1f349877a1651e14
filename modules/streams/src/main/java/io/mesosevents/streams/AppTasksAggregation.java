package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import io.mesosevents.model.state.TaskFailure;
import io.mesosevents.model.state.TaskView;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * The tasks table grouped by app: the adder and subtractor of a KTable aggregation, so Kafka
 * Streams hands over the old row of a task that changed or moved to another app and counts
 * never drift. An app whose last task is removed is deleted.
 *
 * <p>Failures are remembered beyond the tasks themselves: the latest failure, and the failures
 * since a task last reached TASK_RUNNING (what {@link AppStatusRule} reads as launch backoff).
 */
final class AppTasksAggregation {

    /** Terminal states that count as a failure of the app (not a kill or a clean finish). */
    static final Set<TaskState> FAILED = EnumSet.of(TaskState.TASK_FAILED, TaskState.TASK_ERROR,
            TaskState.TASK_LOST, TaskState.TASK_DROPPED);

    private static final int FAILURES_KEPT = 10;

    private AppTasksAggregation() {
    }

    /** Re-keys a task row to its app: {@code <cluster>/<app id>}. */
    static KeyValue<String, TaskView> byApp(String taskKey, TaskView task) {
        return KeyValue.pair(new EntityKey(task.getCluster(), task.getAppId()).encode(), task);
    }

    static AppTasks empty() {
        return AppTasks.newBuilder().setCluster("").setAppId("").build();
    }

    static AppTasks add(String appKey, TaskView task, AppTasks previous) {
        EntityKey app = EntityKey.parse(appKey);
        AppTasks.Builder row = AppTasks.newBuilder(previous).setCluster(app.cluster()).setAppId(app.id())
                .setOrigin(app.id().startsWith("/") ? AppOrigin.MARATHON : AppOrigin.MESOS)
                // The latest change of any task, not the one folded last: re-keyed tasks reach the app from several
                // partitions, in an order that differs between runs.
                .setUpdatedAt(AppViews.latest(previous.getUpdatedAt(), task.getUpdatedAt()));
        if (!task.getFrameworkId().isEmpty()) {
            row.setFrameworkId(task.getFrameworkId());
        }
        Map<String, AppTask> tasks = new LinkedHashMap<>(previous.getTasks());
        tasks.put(task.getTaskId(), AppTask.newBuilder().setState(task.getState()).setHost(task.getHost())
                .setPorts(task.getPorts()).setIpAddresses(task.getIpAddresses()).setVersion(task.getVersion())
                .setHealth(task.getHealth()).build());
        row.setTasks(tasks);
        if (FAILED.contains(task.getState()) && task.getFinished() != null) {
            recordFailure(row, task);
        }
        if (task.getState() == TaskState.TASK_RUNNING && task.getStarted() != null) {
            recordRunning(row, task.getStarted());
        }
        return row.build();
    }

    static AppTasks remove(String appKey, TaskView task, AppTasks previous) {
        Map<String, AppTask> tasks = new LinkedHashMap<>(previous.getTasks());
        tasks.remove(task.getTaskId());
        return tasks.isEmpty() ? null : AppTasks.newBuilder(previous).setTasks(tasks).build();
    }

    private static void recordFailure(AppTasks.Builder row, TaskView task) {
        Instant failedAt = task.getFinished();
        TaskFailure latest = row.getLastTaskFailure();
        if (latest == null || latest.getTimestamp() == null || !failedAt.isBefore(latest.getTimestamp())) {
            row.setLastTaskFailure(TaskFailure.newBuilder().setTaskId(task.getTaskId()).setState(task.getState())
                    .setMessage(task.getLastStatusMessage()).setReason(task.getLastReason())
                    .setHost(task.getHost()).setAgentId(task.getAgentId()).setVersion(task.getVersion())
                    .setTimestamp(failedAt).build());
        }
        if (row.getLastRunning() != null && failedAt.isBefore(row.getLastRunning())) {
            return;
        }
        Map<String, Instant> failures = new LinkedHashMap<>(row.getFailuresSinceRunning());
        failures.put(task.getTaskId(), failedAt);
        while (failures.size() > FAILURES_KEPT) {
            failures.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(oldest -> failures.remove(oldest.getKey()));
        }
        row.setFailuresSinceRunning(failures);
    }

    private static void recordRunning(AppTasks.Builder row, Instant startedAt) {
        if (row.getLastRunning() != null && !startedAt.isAfter(row.getLastRunning())) {
            return;
        }
        row.setLastRunning(startedAt);
        Map<String, Instant> failures = new LinkedHashMap<>(row.getFailuresSinceRunning());
        failures.values().removeIf(failedAt -> failedAt.isBefore(startedAt));
        row.setFailuresSinceRunning(failures);
    }
}
