package io.mesosevents.ingestor.mesos;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.master.Protos.Event.TaskUpdated;

/** Mesos tasks (TASK_ADDED, snapshot) and task updates (TASK_UPDATED) as {@link MesosTaskEvent}s. */
final class TaskRecords {

    private TaskRecords() {
    }

    /** Whether the task names its task and framework, without which it has no key and no owner. */
    static boolean identified(Task task) {
        return !task.getTaskId().getValue().isEmpty() && !task.getFrameworkId().getValue().isEmpty();
    }

    static boolean identified(TaskUpdated update) {
        return !update.getStatus().getTaskId().getValue().isEmpty() && !update.getFrameworkId().getValue().isEmpty();
    }

    static MesosTaskEvent of(EventMeta meta, MesosEventType eventType, Task task) {
        // The master keeps only the latest status update of a task in `statuses`; the last entry
        // is the newest whichever way a master fills it.
        int statuses = task.getStatusesCount();
        return MesosTaskEvent.newBuilder()
                .setMeta(meta)
                .setEventType(eventType)
                .setTaskId(task.getTaskId().getValue())
                .setFrameworkId(task.getFrameworkId().getValue())
                .setAgentId(task.hasAgentId() ? task.getAgentId().getValue() : null)
                .setExecutorId(task.hasExecutorId() ? task.getExecutorId().getValue() : null)
                .setName(task.hasName() ? task.getName() : null)
                .setState(TaskStatuses.state(task, Task.STATE_FIELD_NUMBER))
                .setStatus(statuses == 0 ? null : TaskStatuses.of(task.getStatuses(statuses - 1)))
                .setResources(Resources.of(task.getResourcesList()))
                .setLabels(LabelMaps.of(task.getLabels()))
                .setUser(task.hasUser() ? task.getUser() : null)
                .setContainerType(task.hasContainer()
                        ? ProtoEnums.name(task.getContainer(), ContainerInfo.TYPE_FIELD_NUMBER).orElse(null) : null)
                .setHealthCheckType(task.hasHealthCheck()
                        ? ProtoEnums.name(task.getHealthCheck(), HealthCheck.TYPE_FIELD_NUMBER).orElse(null) : null)
                .setStatusUpdateState(TaskStatuses.optionalState(task, Task.STATUS_UPDATE_STATE_FIELD_NUMBER))
                .build();
    }

    /**
     * A TASK_UPDATED. The task id, agent and executor come from the status; {@code state} is the
     * event's own state (the agent's latest, possibly newer than status.state, which is the update
     * being forwarded), so both are kept. The event carries no name, resources, labels or
     * status_update_state of the task: those stay empty rather than guessed. (Collections are
     * mutable, as Avro's readers expect when they reuse a record.)
     */
    static MesosTaskEvent of(EventMeta meta, TaskUpdated update) {
        var status = update.getStatus();
        return MesosTaskEvent.newBuilder()
                .setMeta(meta)
                .setEventType(MesosEventType.TASK_UPDATED)
                .setTaskId(status.getTaskId().getValue())
                .setFrameworkId(update.getFrameworkId().getValue())
                .setAgentId(status.hasAgentId() ? status.getAgentId().getValue() : null)
                .setExecutorId(status.hasExecutorId() ? status.getExecutorId().getValue() : null)
                .setName(null)
                .setState(TaskStatuses.state(update, TaskUpdated.STATE_FIELD_NUMBER))
                .setStatus(TaskStatuses.of(status))
                .setResources(new ArrayList<>())
                .setLabels(new LinkedHashMap<>())
                .setUser(null)
                .setContainerType(null)
                .setHealthCheckType(null)
                .setStatusUpdateState(null)
                .build();
    }
}
