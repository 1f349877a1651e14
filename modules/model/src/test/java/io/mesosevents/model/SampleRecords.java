package io.mesosevents.model;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.dlq.SourceType;
import io.mesosevents.model.marathon.DeploymentAction;
import io.mesosevents.model.marathon.DeploymentStep;
import io.mesosevents.model.marathon.IpAddress;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosOtherEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.AppOrigin;
import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppView;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.FrameworkView;
import io.mesosevents.model.state.TaskFailure;
import io.mesosevents.model.state.TaskHealth;
import io.mesosevents.model.state.TaskView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One realistic, builder-made value per topic. */
final class SampleRecords {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-03-01T12:00:05.456Z");

    private SampleRecords() {
    }

    static SpecificRecord forTopic(Topic topic) {
        return switch (topic) {
            case MESOS_TASK_EVENTS -> taskEvent();
            case MESOS_AGENT_EVENTS -> MesosAgentEvent.newBuilder().setMeta(meta(EventKind.SNAPSHOT, 2))
                    .setEventType(MesosEventType.SUBSCRIBED).setAgentId("agent-S1").setHostname("node-1")
                    .setPort(5051).setVersion("1.11.0").setResources(List.of(cpus()))
                    .setAttributes(Map.of("rack", "r1")).setActive(true).setRegisteredTime(T0)
                    .setCapabilities(List.of("MULTI_ROLE")).build();
            case MESOS_FRAMEWORK_EVENTS -> MesosFrameworkEvent.newBuilder().setMeta(meta(EventKind.DELTA, 3))
                    .setEventType(MesosEventType.FRAMEWORK_UPDATED).setFrameworkId("fw-1").setName("marathon")
                    .setRoles(List.of("*")).setActive(true).setConnected(false).setFailoverTimeoutSeconds(604800.0)
                    .setUnregisteredTime(T1).setLabels(Map.of("team", "infra")).build();
            case MESOS_OTHER_EVENTS -> MesosOtherEvent.newBuilder().setMeta(meta(EventKind.DELTA, 4))
                    .setEventType("OPERATION_UPDATED").setContentType("application/x-protobuf")
                    .setPayload(ByteBuffer.wrap(new byte[] {8, 11, 0, -1})).build();
            case MARATHON_EVENTS -> marathonEvent();
            case INGEST_DLQ -> DeadLetter.newBuilder().setCluster("eu1").setSource("http://master:5050")
                    .setSessionId("s-1").setOffsetInStream(4096L).setIngestTimestamp(T1)
                    .setSourceType(SourceType.MESOS).setStage("protobuf-decode").setError("truncated message")
                    .setErrorClass("com.google.protobuf.InvalidProtocolBufferException")
                    .setPayload(ByteBuffer.wrap("\u0001garbage".getBytes(StandardCharsets.UTF_8))).build();
            case STATE_TASKS -> TaskView.newBuilder().setCluster("eu1").setTaskId("web.1").setFrameworkId("fw-1")
                    .setAppId("/prod/web").setState(TaskState.TASK_RUNNING).setHost("node-1")
                    .setPorts(List.of(31000L)).setIpAddresses(List.of("10.0.0.7")).setHealthy(true)
                    .setFirstSeen(T0).setStarted(T1).setUpdatedAt(T1).setLastSessionId("s-1").setLastSequence(1L)
                    .build();
            case STATE_APPS -> AppView.newBuilder().setCluster("eu1").setAppId("/prod/web")
                    .setOrigin(AppOrigin.MARATHON).setDesiredInstances(3).setRunning(2).setHealthy(2).setFailed(1)
                    .setStatus(AppStatus.DEPLOYING).setDeployments(List.of("d-1"))
                    .setLastTaskFailure(TaskFailure.newBuilder().setTaskId("web.0").setState(TaskState.TASK_FAILED)
                            .setMessage("exit 1").setTimestamp(T0).build())
                    .setUpdatedAt(T1).build();
            case STATE_AGENTS -> AgentView.newBuilder().setCluster("eu1").setAgentId("agent-S1")
                    .setHostname("node-1").setResources(List.of(cpus(), ports())).setUpdatedAt(T1).build();
            case STATE_FRAMEWORKS -> FrameworkView.newBuilder().setCluster("eu1").setFrameworkId("fw-1")
                    .setName("marathon").setCapabilities(List.of("PARTITION_AWARE")).setUpdatedAt(T1).build();
            case VIEW_APP_HEALTH -> AppHealthView.newBuilder().setCluster("eu1").setAppId("/prod/web")
                    .setAliveTasks(1).setHealthyTasks(1).setUnhealthyTasks(1).setLastFailure(T1)
                    .setLastFailureCause("HTTP 503").setLastFailureTaskId("web.2")
                    .setTasks(Map.of(
                            "web.1", TaskHealth.newBuilder().setTaskId("web.1").setAlive(true).setHealthy(true)
                                    .setLastSuccess(T0).build(),
                            "web.2", TaskHealth.newBuilder().setTaskId("web.2").setMesosHealthy(false)
                                    .setHealthy(false).setConsecutiveFailures(3).setLastFailure(T1).build()))
                    .setUpdatedAt(T1).build();
            case VIEW_DEPLOYMENTS -> DeploymentView.newBuilder().setCluster("eu1").setDeploymentId("d-1")
                    .setAffectedApps(List.of("/prod/web"))
                    .setSteps(List.of(DeploymentStep.newBuilder().setActions(List.of(restartWeb())).build()))
                    .setCurrentStep(1).setTotalSteps(1).setCurrentActions(List.of(restartWeb()))
                    .setState(DeploymentState.IN_PROGRESS).setStarted(T0).setUpdatedAt(T1).build();
        };
    }

    private static EventMeta meta(EventKind kind, long sequence) {
        return EventMeta.newBuilder().setCluster("eu1").setSource("http://master:5050").setSessionId("s-1")
                .setSequence(sequence).setSourceTimestamp(T0).setIngestTimestamp(T1).setKind(kind).build();
    }

    private static MesosTaskEvent taskEvent() {
        TaskStatus status = TaskStatus.newBuilder().setState(TaskState.TASK_RUNNING)
                .setSource(TaskStatusSource.SOURCE_EXECUTOR).setReason("REASON_TASK_HEALTH_CHECK_STATUS_UPDATED")
                .setTimestamp(T0).setHealthy(true).setAgentId("agent-S1").setUuid("6d3c8a0e")
                .setIpAddresses(List.of("10.0.0.7")).setLabels(Map.of("k", "v")).build();
        return MesosTaskEvent.newBuilder().setMeta(meta(EventKind.DELTA, 1)).setEventType(MesosEventType.TASK_UPDATED)
                .setTaskId("web.1").setFrameworkId("fw-1").setAgentId("agent-S1")
                .setState(TaskState.TASK_KILLING).setStatus(status).setResources(List.of(cpus(), ports()))
                .setStatusUpdateState(TaskState.TASK_RUNNING).build();
    }

    private static MarathonEvent marathonEvent() {
        StatusUpdateEvent update = StatusUpdateEvent.newBuilder().setSlaveId("agent-S1").setTaskId("web.1")
                .setTaskStatus(TaskState.TASK_RUNNING).setMessage("").setAppId("/prod/web").setHost("node-1")
                .setPorts(List.of(31000)).setIpAddresses(List.of(IpAddress.newBuilder().setIpAddress("10.0.0.7")
                        .setProtocol("IPv4").build()))
                .setVersion("2026-03-01T11:59:00.000Z").build();
        return MarathonEvent.newBuilder().setMeta(meta(EventKind.DELTA, 7)).setEventType("status_update_event")
                .setTimestamp(T0).setPayload(update).build();
    }

    private static Resource cpus() {
        return Resource.newBuilder().setName("cpus").setScalar(0.5).setRole("*").build();
    }

    private static Resource ports() {
        return Resource.newBuilder().setName("ports")
                .setRanges(List.of(Range.newBuilder().setBegin(31000).setEnd(31005).build())).build();
    }

    private static DeploymentAction restartWeb() {
        return DeploymentAction.newBuilder().setAction("RestartApplication").setApp("/prod/web").build();
    }
}
