package io.mesosevents.bench;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.HealthCheckSummary;
import io.mesosevents.model.marathon.HealthStatusChangedEvent;
import io.mesosevents.model.marathon.IpAddress;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the records the ingestor writes, with the generated Avro builders: one Mesos session and one
 * Marathon session, each with a gap-free sequence, and one clock that advances {@link #STEP} per
 * event (source time), the ingestor receiving each event {@link #INGEST_DELAY} later.
 */
final class ViewsEventFactory {

    static final Duration STEP = Duration.ofMillis(2);
    static final Duration INGEST_DELAY = Duration.ofMillis(3);

    private static final String MASTER = "http://master.bench.internal:5050";
    private static final String MARATHON = "http://marathon.bench.internal:8080";
    private static final HealthCheckSummary HEALTH_CHECK = HealthCheckSummary.newBuilder().setProtocol("MESOS_HTTP")
            .setPath("/health").setPortIndex(0).build();

    private final ViewsCluster cluster;
    private final String mesosSession;
    private final String marathonSession;
    private long mesosSequence;
    private long marathonSequence;
    private Instant clock;

    ViewsEventFactory(ViewsCluster cluster, Instant start, String mesosSession, String marathonSession) {
        this.cluster = cluster;
        this.clock = start;
        this.mesosSession = mesosSession;
        this.marathonSession = marathonSession;
    }

    /** When the ingestor received the latest event made: the time its record carries. */
    Instant ingestTime() {
        return clock.plus(INGEST_DELAY);
    }

    MesosAgentEvent agentAdded(ViewsCluster.Agent agent) {
        return MesosAgentEvent.newBuilder().setMeta(mesosMeta()).setEventType(MesosEventType.AGENT_ADDED)
                .setAgentId(agent.id()).setHostname(agent.hostname()).setPort(5051)
                .setPid("slave(1)@" + agent.ip() + ":5051").setVersion("1.11.0")
                .setResources(List.of(scalar("cpus", 16), scalar("mem", 65_536), ports(31_000, 32_000)))
                .setAttributes(Map.of("rack", "r" + (agent.id().hashCode() & 7))).setActive(true)
                .setRegisteredTime(clock).setCapabilities(List.of("MULTI_ROLE", "HIERARCHICAL_ROLE")).build();
    }

    /** Marathon's {@code api_post_event} for an app: its definition, with the desired instances. */
    MarathonEvent appPosted(ViewsCluster.MarathonApp app) {
        return marathon("api_post_event", ApiPostEvent.newBuilder().setClientIp("10.1.0.9")
                .setUri("/v2/apps" + app.id()).setAppId(app.id()).setInstances(app.instances())
                .setVersion(app.version()).build());
    }

    /** TASK_ADDED: the whole task, staging. */
    MesosTaskEvent taskAdded(ViewsCluster.Task task) {
        int port = task.ports().get(0);
        return MesosTaskEvent.newBuilder().setMeta(mesosMeta()).setEventType(MesosEventType.TASK_ADDED)
                .setTaskId(task.id()).setFrameworkId(cluster.frameworkId()).setAgentId(task.agent().id())
                .setName(task.app().taskName()).setState(TaskState.TASK_STAGING)
                .setResources(List.of(scalar("cpus", 0.5), scalar("mem", 512), ports(port, port + 1)))
                .setLabels(Map.of("MARATHON_APP_ID", task.app().id())).setUser("nobody").setContainerType("MESOS")
                .build();
    }

    /** TASK_UPDATED with the executor's status; {@code healthy} is the Mesos health check's result, if any. */
    MesosTaskEvent taskUpdated(ViewsCluster.Task task, TaskState state, Boolean healthy) {
        Instant now = advance();
        TaskStatus status = TaskStatus.newBuilder().setState(state).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setMessage(message(state, healthy)).setReason(reason(state)).setTimestamp(now).setHealthy(healthy)
                .setAgentId(task.agent().id()).setIpAddresses(List.of(task.agent().ip())).build();
        return MesosTaskEvent.newBuilder().setMeta(meta(mesosSession, MASTER, mesosSequence++, now))
                .setEventType(MesosEventType.TASK_UPDATED).setTaskId(task.id()).setFrameworkId(cluster.frameworkId())
                .setState(state).setStatus(status).setStatusUpdateState(state).build();
    }

    /** Marathon's {@code status_update_event} for the same status update. */
    MarathonEvent statusUpdate(ViewsCluster.Task task, TaskState state) {
        return marathon("status_update_event", StatusUpdateEvent.newBuilder().setSlaveId(task.agent().id())
                .setTaskId(task.id()).setTaskStatus(state).setMessage(message(state, null)).setAppId(task.app().id())
                .setHost(task.agent().hostname()).setPorts(task.ports())
                .setIpAddresses(List.of(IpAddress.newBuilder().setIpAddress(task.agent().ip()).setProtocol("IPv4").build()))
                .setVersion(task.app().version()).build());
    }

    /** {@code health_status_changed_event}, with the task id (Marathon before 1.4) and the instance id (1.4 and later). */
    MarathonEvent healthChanged(ViewsCluster.Task task, boolean alive) {
        return marathon("health_status_changed_event", HealthStatusChangedEvent.newBuilder().setAppId(task.app().id())
                .setTaskId(task.id()).setInstanceId(instanceId(task)).setVersion(task.app().version()).setAlive(alive)
                .build());
    }

    MarathonEvent failedHealthCheck(ViewsCluster.Task task) {
        return marathon("failed_health_check_event", FailedHealthCheckEvent.newBuilder().setAppId(task.app().id())
                .setTaskId(task.id()).setInstanceId(instanceId(task)).setHealthCheck(HEALTH_CHECK).build());
    }

    private MarathonEvent marathon(String type, Object payload) {
        Instant now = advance();
        return MarathonEvent.newBuilder().setMeta(meta(marathonSession, MARATHON, marathonSequence++, now))
                .setEventType(type).setTimestamp(now).setPayload(payload).build();
    }

    private EventMeta mesosMeta() {
        Instant now = advance();
        return meta(mesosSession, MASTER, mesosSequence++, now);
    }

    private static EventMeta meta(String session, String source, long sequence, Instant at) {
        return EventMeta.newBuilder().setCluster(ViewsCluster.CLUSTER).setSource(source).setSessionId(session)
                .setSequence(sequence).setSourceTimestamp(at).setIngestTimestamp(at.plus(INGEST_DELAY))
                .setKind(EventKind.DELTA).build();
    }

    private Instant advance() {
        clock = clock.plus(STEP);
        return clock;
    }

    /** {@code prod_web.instance-<uuid>._app.1} → {@code prod_web.marathon-<uuid>}. */
    private static String instanceId(ViewsCluster.Task task) {
        String afterInstance = task.id().substring(task.id().indexOf(".instance-") + ".instance-".length());
        return task.app().taskIdPrefix() + ".marathon-" + afterInstance.substring(0, afterInstance.indexOf('.'));
    }

    private static String message(TaskState state, Boolean healthy) {
        if (healthy != null && state == TaskState.TASK_RUNNING) {
            return healthy ? "health check passed" : "health check failed: HTTP 503";
        }
        return switch (state) {
            case TASK_FAILED -> "Command exited with status 137";
            case TASK_KILLING, TASK_KILLED -> "Command terminated with signal Terminated";
            default -> null;
        };
    }

    private static String reason(TaskState state) {
        return switch (state) {
            case TASK_FAILED -> "REASON_COMMAND_EXECUTOR_FAILED";
            case TASK_KILLED -> "REASON_EXECUTOR_TERMINATED";
            default -> null;
        };
    }

    private static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setScalar(value).build();
    }

    private static Resource ports(long begin, long end) {
        return Resource.newBuilder().setName("ports").setRanges(List.of(Range.newBuilder().setBegin(begin).setEnd(end).build()))
                .build();
    }
}
