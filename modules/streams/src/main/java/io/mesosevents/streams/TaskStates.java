package io.mesosevents.streams;

import io.mesosevents.model.mesos.TaskState;
import java.util.EnumSet;
import java.util.Set;

/** Classification of Mesos task states. */
final class TaskStates {

    /** States a task never leaves (TASK_UNREACHABLE is not one: the task may come back). */
    private static final Set<TaskState> TERMINAL = EnumSet.of(TaskState.TASK_FINISHED, TaskState.TASK_FAILED,
            TaskState.TASK_KILLED, TaskState.TASK_ERROR, TaskState.TASK_LOST, TaskState.TASK_DROPPED,
            TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR);

    private TaskStates() {
    }

    static boolean isTerminal(TaskState state) {
        return TERMINAL.contains(state);
    }
}
