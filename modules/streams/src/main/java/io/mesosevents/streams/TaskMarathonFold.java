package io.mesosevents.streams;

import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.HealthCheckSummary;
import io.mesosevents.model.marathon.HealthStatusChangedEvent;
import io.mesosevents.model.marathon.IpAddress;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.MarathonTask;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.marathon.UnhealthyInstanceKillEvent;
import io.mesosevents.model.marathon.UnhealthyTaskKillEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.TaskView;
import java.time.Instant;
import java.util.List;

/**
 * Folds one task-scoped Marathon event ({@link MarathonTaskFacts}) into the task's row.
 *
 * <p>Marathon owns what Mesos does not know: the app id, the instance id, the app version and
 * Marathon's health verdict. Where Mesos has spoken about the task (the row carries a Mesos
 * session), Mesos owns the state, agent and status message and Marathon only fills host, ports and
 * addresses that are missing; a task only Marathon reports (e.g. no Mesos ingestion runs) takes
 * all of them from Marathon. The Mesos log position fields are left to Mesos events.
 */
final class TaskMarathonFold {

    private TaskMarathonFold() {
    }

    /** The row after {@code event}; {@code previous} is null for a task not seen before. */
    static TaskView apply(TaskView previous, String cluster, String taskId, MarathonEvent event) {
        TaskView.Builder row = previous != null ? TaskView.newBuilder(previous)
                : TaskView.newBuilder().setCluster(cluster).setTaskId(taskId).setFrameworkId("")
                        .setPorts(List.of()).setIpAddresses(List.of())
                        .setFirstSeen(event.getMeta().getIngestTimestamp());
        boolean mesosKnowsTask = row.getLastSessionId() != null;
        Instant at = happenedAt(event);
        Object payload = event.getPayload();
        if (payload instanceof StatusUpdateEvent status) {
            app(row, status.getAppId(), status.getVersion());
            located(row, status.getHost(), status.getSlaveId(), status.getPorts(), status.getIpAddresses());
            if (!mesosKnowsTask && status.getTaskStatus() != null) {
                state(row, status.getTaskStatus(), at);
                row.setLastStatusMessage(status.getMessage());
            }
        } else if (payload instanceof HealthStatusChangedEvent health) {
            app(row, health.getAppId(), health.getVersion());
            instance(row, health.getInstanceId());
            if (health.getAlive() != null) {
                row.setHealth(TaskHealthFold.marathonVerdict(row.getHealth(), taskId, health.getInstanceId(),
                        health.getAlive(), at));
            }
        } else if (payload instanceof FailedHealthCheckEvent failed) {
            app(row, failed.getAppId(), null);
            instance(row, failed.getInstanceId());
            row.setHealth(TaskHealthFold.marathonFailedCheck(row.getHealth(), taskId, failed.getInstanceId(), at,
                    cause(failed.getHealthCheck())));
        } else if (payload instanceof UnhealthyTaskKillEvent kill) {
            app(row, kill.getAppId(), kill.getVersion());
            row.setHealth(TaskHealthFold.killedUnhealthy(row.getHealth(), taskId, at, kill.getReason()));
        } else if (payload instanceof UnhealthyInstanceKillEvent kill) {
            app(row, kill.getAppId(), kill.getVersion());
            instance(row, kill.getInstanceId());
            row.setHealth(TaskHealthFold.killedUnhealthy(row.getHealth(), taskId, at, kill.getReason()));
        } else if (payload instanceof AppSnapshot snapshot && !snapshot.getTasks().isEmpty()) {
            MarathonTask task = snapshot.getTasks().get(0);
            app(row, snapshot.getAppId(), task.getVersion());
            located(row, task.getHost(), task.getSlaveId(), task.getPorts(), task.getIpAddresses());
            if (!mesosKnowsTask && task.getState() != null) {
                state(row, task.getState(), at);
                if (task.getStartedAt() != null && row.getStarted() == null) {
                    row.setStarted(task.getStartedAt());
                }
            }
            if (task.getHealthy() != null) {
                row.setHealth(TaskHealthFold.marathonSnapshot(row.getHealth(), taskId, task.getHealthy(), at));
            }
        }
        if (row.getHealth() != null) {
            row.setHealthy(row.getHealth().getHealthy());
        }
        return TaskApps.assign(row).setUpdatedAt(event.getMeta().getIngestTimestamp()).build();
    }

    private static void app(TaskView.Builder row, String appId, String version) {
        if (appId != null && !appId.isEmpty()) {
            row.setAppId(appId);
        }
        if (version != null) {
            row.setVersion(version);
        }
    }

    private static void instance(TaskView.Builder row, String instanceId) {
        if (instanceId != null) {
            row.setInstanceId(instanceId);
        }
    }

    private static void located(TaskView.Builder row, String host, String agentId, List<Integer> ports,
                                List<IpAddress> addresses) {
        if (row.getHost() == null && host != null) {
            row.setHost(host);
        }
        if (row.getAgentId() == null && agentId != null) {
            row.setAgentId(agentId);
        }
        if (row.getPorts().isEmpty() && !ports.isEmpty()) {
            row.setPorts(ports.stream().map(Integer::longValue).toList());
        }
        if (row.getIpAddresses().isEmpty() && !addresses.isEmpty()) {
            row.setIpAddresses(addresses.stream().map(IpAddress::getIpAddress).toList());
        }
    }

    private static void state(TaskView.Builder row, TaskState state, Instant at) {
        row.setState(state);
        if (state == TaskState.TASK_RUNNING && row.getStarted() == null) {
            row.setStarted(at);
        }
        if (TaskStates.isTerminal(state) && row.getFinished() == null) {
            row.setFinished(at);
        }
    }

    private static String cause(HealthCheckSummary check) {
        if (check == null || check.getProtocol() == null) {
            return "Marathon health check failed";
        }
        return check.getProtocol() + (check.getPath() != null ? " " + check.getPath() : "") + " health check failed";
    }

    /** The event's own time, else the source time of its record, else when it was ingested. */
    private static Instant happenedAt(MarathonEvent event) {
        if (event.getTimestamp() != null) {
            return event.getTimestamp();
        }
        Instant source = event.getMeta().getSourceTimestamp();
        return source != null ? source : event.getMeta().getIngestTimestamp();
    }
}
