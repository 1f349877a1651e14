package io.mesosevents.ingestor.mesos;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.ContainerStatus;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.NetworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.apache.mesos.v1.master.Protos.Response.GetState;

/**
 * Realistic Operator API messages, made with the generated builders of the Mesos jar. Every
 * required field is set, so they survive the JSON encoding, whose parser insists on them.
 */
final class MesosFixtures {

    static final String MARATHON_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0000";
    static final String AGENT_ID = "9a3f0e21-77c4-4d5b-8e6a-1b2c3d4e5f60-S3";
    static final String EXECUTOR_ID = "web.instance-4f7c2a9e";
    static final String TASK_ID = "web.instance-4f7c2a9e._app.1";
    /** 2026-03-01T12:00:00.123456Z as Mesos sends it: seconds in a double. */
    static final double STATUS_SECONDS = 1_772_366_400.123456;
    static final long STATUS_MILLIS = 1_772_366_400_123L;
    /** 2026-03-01T11:00:00.987654321Z in a TimeInfo. */
    static final long REGISTERED_NANOS = 1_772_362_800_987_654_321L;
    static final long REGISTERED_MILLIS = 1_772_362_800_987L;
    static final UUID STATUS_UUID = UUID.fromString("0f8e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f");

    private MesosFixtures() {
    }

    static TaskStatus.Builder status(String taskId, TaskState state) {
        return TaskStatus.newBuilder()
                .setTaskId(TaskID.newBuilder().setValue(taskId))
                .setState(state)
                .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
                .setMessage("Command started")
                .setAgentId(AgentID.newBuilder().setValue(AGENT_ID))
                .setExecutorId(ExecutorID.newBuilder().setValue(EXECUTOR_ID))
                .setTimestamp(STATUS_SECONDS)
                .setUuid(uuidBytes(STATUS_UUID))
                .setLabels(labels("network", "overlay"))
                .setContainerStatus(ContainerStatus.newBuilder()
                        .addNetworkInfos(NetworkInfo.newBuilder()
                                .addIpAddresses(NetworkInfo.IPAddress.newBuilder().setIpAddress("10.1.2.3"))
                                .addIpAddresses(NetworkInfo.IPAddress.newBuilder()
                                        .setProtocol(NetworkInfo.Protocol.IPv6))
                                .addIpAddresses(NetworkInfo.IPAddress.newBuilder().setIpAddress("fd00::3")))
                        .addNetworkInfos(NetworkInfo.newBuilder()
                                .addIpAddresses(NetworkInfo.IPAddress.newBuilder().setIpAddress("172.17.0.5"))));
    }

    @SuppressWarnings("deprecation") // the legacy unreserved role "*", as older masters send it
    static Task.Builder task(String taskId, TaskState state) {
        return Task.newBuilder()
                .setName("web")
                .setTaskId(TaskID.newBuilder().setValue(taskId))
                .setFrameworkId(FrameworkID.newBuilder().setValue(MARATHON_ID))
                .setExecutorId(ExecutorID.newBuilder().setValue(EXECUTOR_ID))
                .setAgentId(AgentID.newBuilder().setValue(AGENT_ID))
                .setState(state)
                .addResources(scalar("cpus", 0.5).setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("web")))
                .addResources(scalar("mem", 256))
                .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
                        .setRanges(Value.Ranges.newBuilder()
                                .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(31001))
                                .addRange(Value.Range.newBuilder().setBegin(31500).setEnd(31500)))
                        .addReservations(Resource.ReservationInfo.newBuilder().setRole("prod"))
                        .addReservations(Resource.ReservationInfo.newBuilder().setRole("prod/web")))
                .addResources(Resource.newBuilder().setName("gpu_models").setType(Value.Type.SET)
                        .setSet(Value.Set.newBuilder().addItem("k80").addItem("v100")).setRole("*"))
                .addStatuses(status(taskId, state))
                .setStatusUpdateState(state)
                .setLabels(labels("MARATHON_APP_ID", "/prod/web"))
                .setContainer(ContainerInfo.newBuilder().setType(ContainerInfo.Type.DOCKER))
                .setHealthCheck(HealthCheck.newBuilder().setType(HealthCheck.Type.HTTP))
                .setUser("nobody");
    }

    static AgentInfo.Builder agentInfo(String agentId, String hostname) {
        return AgentInfo.newBuilder()
                .setHostname(hostname)
                .setPort(5051)
                .setId(AgentID.newBuilder().setValue(agentId))
                .addResources(scalar("cpus", 8))
                .addAttributes(Attribute.newBuilder().setName("rack").setType(Value.Type.TEXT)
                        .setText(Value.Text.newBuilder().setValue("r12")))
                .addAttributes(Attribute.newBuilder().setName("cores").setType(Value.Type.SCALAR)
                        .setScalar(Value.Scalar.newBuilder().setValue(16)))
                .addAttributes(Attribute.newBuilder().setName("weight").setType(Value.Type.SCALAR)
                        .setScalar(Value.Scalar.newBuilder().setValue(0.25)))
                .addAttributes(Attribute.newBuilder().setName("vlans").setType(Value.Type.RANGES)
                        .setRanges(Value.Ranges.newBuilder()
                                .addRange(Value.Range.newBuilder().setBegin(100).setEnd(199))
                                .addRange(Value.Range.newBuilder().setBegin(300).setEnd(300))))
                .addAttributes(Attribute.newBuilder().setName("disks").setType(Value.Type.SET)
                        .setSet(Value.Set.newBuilder().addItem("ssd").addItem("nvme")));
    }

    static GetAgents.Agent.Builder agent(String agentId, String hostname) {
        return GetAgents.Agent.newBuilder()
                .setAgentInfo(agentInfo(agentId, hostname))
                .setActive(true)
                .setVersion("1.11.0")
                .setPid("slave(1)@10.0.3.7:5051")
                .setRegisteredTime(TimeInfo.newBuilder().setNanoseconds(REGISTERED_NANOS))
                .setReregisteredTime(TimeInfo.newBuilder().setNanoseconds(REGISTERED_NANOS + 60_000_000_000L))
                .addTotalResources(scalar("cpus", 8))
                .addTotalResources(scalar("mem", 31_744))
                .addCapabilities(AgentInfo.Capability.newBuilder().setType(AgentInfo.Capability.Type.MULTI_ROLE))
                .addCapabilities(AgentInfo.Capability.newBuilder()
                        .setType(AgentInfo.Capability.Type.HIERARCHICAL_ROLE));
    }

    static FrameworkInfo.Builder frameworkInfo(String frameworkId, String name) {
        return FrameworkInfo.newBuilder()
                .setUser("root")
                .setName(name)
                .setId(FrameworkID.newBuilder().setValue(frameworkId))
                .setFailoverTimeout(604_800)
                .setCheckpoint(true)
                .addRoles("prod")
                .addRoles("prod/web")
                .setHostname("marathon-1.example.com")
                .setPrincipal("marathon")
                .setWebuiUrl("http://marathon-1.example.com:8080")
                .addCapabilities(FrameworkInfo.Capability.newBuilder()
                        .setType(FrameworkInfo.Capability.Type.PARTITION_AWARE))
                .addCapabilities(FrameworkInfo.Capability.newBuilder()
                        .setType(FrameworkInfo.Capability.Type.MULTI_ROLE))
                .setLabels(labels("owner", "platform"));
    }

    static GetFrameworks.Framework.Builder framework(String frameworkId, String name) {
        return GetFrameworks.Framework.newBuilder()
                .setFrameworkInfo(frameworkInfo(frameworkId, name))
                .setActive(true)
                .setConnected(true)
                .setRecovered(false)
                .setRegisteredTime(TimeInfo.newBuilder().setNanoseconds(REGISTERED_NANOS));
    }

    static Event taskAdded(Task.Builder task) {
        return Event.newBuilder().setType(Event.Type.TASK_ADDED)
                .setTaskAdded(Event.TaskAdded.newBuilder().setTask(task)).build();
    }

    static Event taskUpdated(TaskStatus.Builder status, TaskState latest) {
        return Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                .setTaskUpdated(Event.TaskUpdated.newBuilder()
                        .setFrameworkId(FrameworkID.newBuilder().setValue(MARATHON_ID))
                        .setStatus(status)
                        .setState(latest))
                .build();
    }

    static Event agentAdded(GetAgents.Agent.Builder agent) {
        return Event.newBuilder().setType(Event.Type.AGENT_ADDED)
                .setAgentAdded(Event.AgentAdded.newBuilder().setAgent(agent)).build();
    }

    static Event agentRemoved(String agentId) {
        return Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(AgentID.newBuilder().setValue(agentId)))
                .build();
    }

    static Event frameworkAdded(GetFrameworks.Framework.Builder framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_ADDED)
                .setFrameworkAdded(Event.FrameworkAdded.newBuilder().setFramework(framework)).build();
    }

    static Event frameworkUpdated(GetFrameworks.Framework.Builder framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_UPDATED)
                .setFrameworkUpdated(Event.FrameworkUpdated.newBuilder().setFramework(framework)).build();
    }

    static Event frameworkRemoved(FrameworkInfo.Builder info) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_REMOVED)
                .setFrameworkRemoved(Event.FrameworkRemoved.newBuilder().setFrameworkInfo(info)).build();
    }

    static Event heartbeat() {
        return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    }

    static Event subscribed(GetState.Builder state) {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder().setGetState(state).setHeartbeatIntervalSeconds(15))
                .build();
    }

    static Labels labels(String key, String value) {
        return Labels.newBuilder().addLabels(Label.newBuilder().setKey(key).setValue(value)).build();
    }

    static Resource.Builder scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value));
    }

    static ByteString uuidBytes(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return ByteString.copyFrom(bytes.array());
    }
}
