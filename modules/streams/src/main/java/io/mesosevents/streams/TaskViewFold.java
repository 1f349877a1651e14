package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.state.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Folds one Mesos task event into the task's row: a pure function, so it is tested and reasoned
 * about without Kafka. Fields the event does not carry keep their previous value, because
 * TASK_UPDATED events carry only the status (no name, resources or labels).
 */
final class TaskViewFold {

    private TaskViewFold() {
    }

    /** The row after {@code event}; {@code previous} is null for a task not seen before. */
    static TaskView apply(TaskView previous, MesosTaskEvent event) {
        EventMeta meta = event.getMeta();
        TaskView.Builder row = previous != null ? TaskView.newBuilder(previous)
                : TaskView.newBuilder().setCluster(meta.getCluster()).setTaskId(event.getTaskId())
                        .setFrameworkId(event.getFrameworkId()).setFirstSeen(meta.getIngestTimestamp());
        if (!event.getFrameworkId().isEmpty()) {
            row.setFrameworkId(event.getFrameworkId());
        }
        if (event.getName() != null) {
            row.setName(event.getName());
        }
        if (!event.getLabels().isEmpty()) {
            row.setLabels(event.getLabels());
        }
        if (!event.getResources().isEmpty()) {
            row.setResources(event.getResources()).setPorts(ports(event.getResources()));
        }
        TaskStatus status = event.getStatus();
        String agentId = event.getAgentId() != null ? event.getAgentId() : status != null ? status.getAgentId() : null;
        if (agentId != null) {
            row.setAgentId(agentId);
        }
        if (status != null) {
            // The latest status update speaks for itself: a status without message clears the old one.
            row.setLastStatusMessage(status.getMessage()).setLastReason(status.getReason());
            if (status.getHealthy() != null) {
                row.setHealth(TaskHealthFold.mesosResult(row.getHealth(), event.getTaskId(), status.getHealthy(),
                        happenedAt(event), status.getMessage()));
                row.setHealthy(row.getHealth().getHealthy());
            }
            if (!status.getIpAddresses().isEmpty()) {
                row.setIpAddresses(status.getIpAddresses());
            }
        }
        latestState(event).ifPresent(state -> {
            row.setState(state);
            Instant when = happenedAt(event);
            if (state == TaskState.TASK_RUNNING && row.getStarted() == null) {
                row.setStarted(when);
            }
            if (TaskStates.isTerminal(state) && row.getFinished() == null) {
                row.setFinished(when);
            }
        });
        return TaskApps.assign(row).setUpdatedAt(meta.getIngestTimestamp()).setLastSessionId(meta.getSessionId())
                .setLastSequence(meta.getSequence()).build();
    }

    /**
     * The master's latest state (the event's {@code state}, which can be ahead of the status being
     * acknowledged), else the status's state; TASK_UNKNOWN counts as absent, so an event that knows
     * no state does not erase a known one.
     */
    static Optional<TaskState> latestState(MesosTaskEvent event) {
        if (event.getState() != TaskState.TASK_UNKNOWN) {
            return Optional.of(event.getState());
        }
        TaskStatus status = event.getStatus();
        if (status != null && status.getState() != TaskState.TASK_UNKNOWN) {
            return Optional.of(status.getState());
        }
        return Optional.empty();
    }

    /** When the change happened, as precisely as known: status time, else source time, else ingest time. */
    private static Instant happenedAt(MesosTaskEvent event) {
        EventMeta meta = event.getMeta();
        if (event.getStatus() != null && event.getStatus().getTimestamp() != null) {
            return event.getStatus().getTimestamp();
        }
        return meta.getSourceTimestamp() != null ? meta.getSourceTimestamp() : meta.getIngestTimestamp();
    }

    /** Every port of the task's "ports" resources, ranges expanded. */
    private static List<Long> ports(List<Resource> resources) {
        List<Long> ports = new ArrayList<>();
        for (Resource resource : resources) {
            if ("ports".equals(resource.getName())) {
                for (Range range : resource.getRanges()) {
                    LongStream.rangeClosed(range.getBegin(), range.getEnd()).forEach(ports::add);
                }
            }
        }
        return ports;
    }
}
