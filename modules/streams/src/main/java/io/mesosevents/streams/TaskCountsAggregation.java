package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.TaskCounts;
import io.mesosevents.model.state.TaskView;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;

/**
 * Counts of the tasks table by phase, grouped by agent or by framework: the adder and subtractor of
 * a KTable aggregation, so a task that changes phase or moves is counted once, where it is now.
 * Tasks whose agent or framework is not known yet are not counted.
 */
final class TaskCountsAggregation {

    private TaskCountsAggregation() {
    }

    /** Re-keys a task to {@code <cluster>/<its agent id>}; a null key (not counted) when unknown. */
    static KeyValue<String, TaskView> byAgent(String taskKey, TaskView task) {
        return KeyValue.pair(keyOf(task, TaskView::getAgentId), task);
    }

    /** Re-keys a task to {@code <cluster>/<its framework id>}; a null key (not counted) when unknown. */
    static KeyValue<String, TaskView> byFramework(String taskKey, TaskView task) {
        return KeyValue.pair(keyOf(task, TaskView::getFrameworkId), task);
    }

    static TaskCounts empty() {
        return TaskCounts.newBuilder().build();
    }

    static TaskCounts add(String key, TaskView task, TaskCounts counts) {
        return counted(counts, task.getState(), 1);
    }

    static TaskCounts remove(String key, TaskView task, TaskCounts counts) {
        return counted(counts, task.getState(), -1);
    }

    private static TaskCounts counted(TaskCounts counts, TaskState state, int delta) {
        TaskCounts.Builder next = TaskCounts.newBuilder(counts);
        switch (state) {
            case TASK_STAGING, TASK_STARTING -> next.setStaged(counts.getStaged() + delta);
            case TASK_RUNNING -> next.setRunning(counts.getRunning() + delta);
            case TASK_KILLING -> next.setKilling(counts.getKilling() + delta);
            case TASK_UNREACHABLE, TASK_UNKNOWN -> next.setUnreachable(counts.getUnreachable() + delta);
            default -> next.setFinished(counts.getFinished() + delta);
        }
        return next.build();
    }

    private static String keyOf(TaskView task, Function<TaskView, String> id) {
        String value = id.apply(task);
        return value == null || value.isEmpty() ? null : new EntityKey(task.getCluster(), value).encode();
    }
}
