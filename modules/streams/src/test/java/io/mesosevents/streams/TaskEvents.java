package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Task events as the ingestor writes them, made with the generated builders. */
final class TaskEvents {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000Z");
    static final String FRAMEWORK_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0000";
    static final String AGENT_ID = "9a3f0e21-77c4-4d5b-8e6a-1b2c3d4e5f60-S3";

    private TaskEvents() {
    }

    /** Event metadata: source time {@code T0 + second} s, ingest time one second later. */
    static EventMeta meta(String cluster, EventKind kind, long sequence, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://master:5050").setSessionId("session-1")
                .setSequence(sequence).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second + 1)).setKind(kind).build();
    }

    /** TASK_ADDED: the full task with name, resources and labels, staging. */
    static MesosTaskEvent added(String cluster, String taskId, int second) {
        return MesosTaskEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second, second))
                .setEventType(MesosEventType.TASK_ADDED).setTaskId(taskId).setFrameworkId(FRAMEWORK_ID)
                .setAgentId(AGENT_ID).setName("web").setState(TaskState.TASK_STAGING)
                .setResources(List.of(scalar("cpus", 0.5), ports(31000, 31001)))
                .setLabels(Map.of("team", "edge")).build();
    }

    /** TASK_UPDATED: state and status only, no name, resources or labels (as Mesos sends it). */
    static MesosTaskEvent updated(String cluster, String taskId, TaskState state, int second) {
        return MesosTaskEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second, second))
                .setEventType(MesosEventType.TASK_UPDATED).setTaskId(taskId).setFrameworkId(FRAMEWORK_ID)
                .setState(state).setStatus(status(state, second)).build();
    }

    /** The ingestor's retraction of a task that vanished while it was away. */
    static MesosTaskEvent gone(String cluster, String taskId, int second) {
        return MesosTaskEvent.newBuilder().setMeta(meta(cluster, EventKind.GONE, second, second))
                .setEventType(MesosEventType.SUBSCRIBED).setTaskId(taskId).setFrameworkId(FRAMEWORK_ID).build();
    }

    /** SNAPSHOT_BEGIN or SNAPSHOT_END: keyed by cluster, empty ids. */
    static MesosTaskEvent marker(String cluster, EventKind kind, int second) {
        return MesosTaskEvent.newBuilder().setMeta(meta(cluster, kind, second, second))
                .setEventType(MesosEventType.SUBSCRIBED).setTaskId("").setFrameworkId("").build();
    }

    static TaskStatus status(TaskState state, int second) {
        return TaskStatus.newBuilder().setState(state).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setMessage(state.name().toLowerCase()).setReason(state == TaskState.TASK_KILLED
                        ? "REASON_EXECUTOR_TERMINATED" : null)
                .setTimestamp(T0.plusSeconds(second)).setHealthy(state == TaskState.TASK_RUNNING ? true : null)
                .setAgentId(AGENT_ID).setIpAddresses(List.of("10.0.0.7")).build();
    }

    private static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setScalar(value).build();
    }

    private static Resource ports(long begin, long end) {
        return Resource.newBuilder().setName("ports")
                .setRanges(List.of(Range.newBuilder().setBegin(begin).setEnd(end).build())).build();
    }
}
