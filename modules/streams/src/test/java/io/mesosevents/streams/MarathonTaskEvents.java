package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.AppTerminatedEvent;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.HealthCheckSummary;
import io.mesosevents.model.marathon.HealthStatusChangedEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.MarathonTask;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.mesos.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * App and task records of {@code marathon.events} as the ingestor writes them, from session
 * {@link #SESSION} with source time {@code T0 + second} s, ingested one second later.
 */
final class MarathonTaskEvents {

    static final Instant T0 = TaskEvents.T0;
    static final String SESSION = "marathon-session-1";
    static final String VERSION = "2026-03-01T11:00:00.000Z";

    private MarathonTaskEvents() {
    }

    static EventMeta meta(String cluster, EventKind kind, long sequence, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://marathon:8080").setSessionId(SESSION)
                .setSequence(sequence).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second + 1)).setKind(kind).build();
    }

    static MarathonEvent statusUpdate(String cluster, String appId, String taskId, TaskState state, int second) {
        return event(cluster, EventKind.DELTA, "status_update_event", second, StatusUpdateEvent.newBuilder()
                .setAppId(appId).setTaskId(taskId).setTaskStatus(state).setHost("node-7.example.org")
                .setSlaveId(TaskEvents.AGENT_ID).setPorts(List.of(31000, 31001)).setVersion(VERSION)
                .setMessage(state.name()).build());
    }

    static MarathonEvent healthChanged(String cluster, String appId, String taskId, boolean alive, int second) {
        return event(cluster, EventKind.DELTA, "health_status_changed_event", second, HealthStatusChangedEvent
                .newBuilder().setAppId(appId).setTaskId(taskId).setAlive(alive).setVersion(VERSION).build());
    }

    static MarathonEvent failedCheck(String cluster, String appId, String taskId, int second) {
        return event(cluster, EventKind.DELTA, "failed_health_check_event", second, FailedHealthCheckEvent
                .newBuilder().setAppId(appId).setTaskId(taskId)
                .setHealthCheck(HealthCheckSummary.newBuilder().setProtocol("HTTP").setPath("/ping").build())
                .build());
    }

    static MarathonEvent apiPost(String cluster, String appId, int instances, int second) {
        return event(cluster, EventKind.DELTA, "api_post_event", second, ApiPostEvent.newBuilder().setAppId(appId)
                .setInstances(instances).setVersion(VERSION).build());
    }

    static MarathonEvent terminated(String cluster, String appId, int second) {
        return event(cluster, EventKind.DELTA, "app_terminated_event", second,
                AppTerminatedEvent.newBuilder().setAppId(appId).build());
    }

    /** A resync's app snapshot with the given tasks (running, healthy) and deployments. */
    static MarathonEvent appSnapshot(String cluster, String appId, int instances, List<String> taskIds,
                                     List<String> deploymentIds, int second) {
        List<MarathonTask> tasks = taskIds.stream().map(id -> MarathonTask.newBuilder().setId(id)
                .setHost("node-3.example.org").setPorts(List.of(31500)).setSlaveId(TaskEvents.AGENT_ID)
                .setState(TaskState.TASK_RUNNING).setStartedAt(T0).setVersion(VERSION).setHealthy(true).build())
                .toList();
        return event(cluster, EventKind.SNAPSHOT, "app_snapshot", second, AppSnapshot.newBuilder().setAppId(appId)
                .setInstances(instances).setVersion(VERSION).setTasks(tasks).setDeploymentIds(deploymentIds)
                .setAppJson("{\"id\":\"" + appId + "\"}").build());
    }

    private static MarathonEvent event(String cluster, EventKind kind, String type, int second, Object payload) {
        return MarathonEvent.newBuilder().setMeta(meta(cluster, kind, second, second)).setEventType(type)
                .setTimestamp(T0.plusSeconds(second)).setPayload(payload).build();
    }
}
