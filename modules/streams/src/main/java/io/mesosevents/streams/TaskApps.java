package io.mesosevents.streams;

import io.mesosevents.model.state.TaskView;

/**
 * Which app a task counts towards in {@code state.apps}, and its Marathon instance.
 *
 * <p>Marathon app and pod ids start with {@code '/'}. Such an id, once known (from a Marathon
 * event or from the task id's Marathon form, see {@link MarathonTaskIds}), stays. Any other task
 * belongs to the group {@code <framework id>/<task name>} (the task id while no name is known),
 * so tasks of other frameworks are counted too.
 */
final class TaskApps {

    private TaskApps() {
    }

    static TaskView.Builder assign(TaskView.Builder row) {
        if (row.getAppId() != null && row.getAppId().startsWith("/")) {
            return row;
        }
        String taskId = row.getTaskId();
        String marathonApp = MarathonTaskIds.appId(taskId).orElse(null);
        if (marathonApp != null) {
            row.setAppId(marathonApp);
            if (row.getInstanceId() == null) {
                row.setInstanceId(MarathonTaskIds.instanceId(taskId).orElse(null));
            }
            return row;
        }
        return row.setAppId(row.getFrameworkId() + "/" + (row.getName() != null ? row.getName() : taskId));
    }
}
