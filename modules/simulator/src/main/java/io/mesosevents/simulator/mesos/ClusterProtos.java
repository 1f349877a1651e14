package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerStatus;
import org.apache.mesos.v1.Protos.DiscoveryInfo;
import org.apache.mesos.v1.Protos.DomainInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.NetworkInfo;
import org.apache.mesos.v1.Protos.Port;
import org.apache.mesos.v1.Protos.Ports;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Response.GetAgents.Agent;
import org.apache.mesos.v1.master.Protos.Response.GetExecutors.Executor;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Mesos messages of the model. Identical resources are one shared instance, so that a
 * snapshot of 100,000 tasks holds little more than the tasks themselves.
 */
final class ClusterProtos {

    static final String MESOS_VERSION = "1.11.0";

    private static final int AGENT_PORT = 5051;
    private static final long FIRST_PORT = 31_000;
    private static final long LAST_PORT = 32_000;
    private static final double[] AGENT_CPUS = {8, 16, 32, 48, 64};
    private static final double[] AGENT_MEM = {32_768, 65_536, 131_072, 262_144};
    private static final double[] AGENT_DISK = {200_000, 500_000, 1_000_000};
    private static final double[] TASK_CPUS = {0.1, 0.25, 0.5, 1, 2};
    private static final double[] TASK_MEM = {128, 256, 512, 1024, 2048};
    private static final double[] TASK_DISK = {0, 100, 1024};
    private static final List<AgentInfo.Capability> AGENT_CAPABILITIES = List.of(
            agentCapability(AgentInfo.Capability.Type.MULTI_ROLE),
            agentCapability(AgentInfo.Capability.Type.HIERARCHICAL_ROLE),
            agentCapability(AgentInfo.Capability.Type.RESERVATION_REFINEMENT),
            agentCapability(AgentInfo.Capability.Type.AGENT_OPERATION_FEEDBACK));

    private final SimRandom random;
    private final SimClock clock;
    private final Map<String, Resource> scalars = new HashMap<>();
    private final Resource agentPorts = Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
            .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(FIRST_PORT).setEnd(LAST_PORT)))
            .build();

    ClusterProtos(SimRandom random, SimClock clock) {
        this.random = random;
        this.clock = clock;
    }

    AgentEntry agent(String id, int number, TimeInfo registeredTime) {
        List<Resource> resources = List.of(
                scalar("cpus", pick(AGENT_CPUS)), scalar("mem", pick(AGENT_MEM)), scalar("disk", pick(AGENT_DISK)), agentPorts);
        String zone = Catalogue.agentZone(number);
        AgentInfo info = AgentInfo.newBuilder()
                .setHostname(Catalogue.agentHostname(number))
                .setPort(AGENT_PORT)
                .setId(AgentID.newBuilder().setValue(id))
                .addAllResources(resources)
                .addAttributes(text("rack", Catalogue.agentRack(number)))
                .addAttributes(text("zone", zone))
                .addAttributes(Attribute.newBuilder().setName("generation").setType(Value.Type.SCALAR)
                        .setScalar(Value.Scalar.newBuilder().setValue(random.between(3, 7))))
                .setDomain(DomainInfo.newBuilder().setFaultDomain(DomainInfo.FaultDomain.newBuilder()
                        .setRegion(DomainInfo.FaultDomain.RegionInfo.newBuilder().setName("us-east-1"))
                        .setZone(DomainInfo.FaultDomain.ZoneInfo.newBuilder().setName(zone))))
                .build();
        Agent agent = Agent.newBuilder()
                .setAgentInfo(info)
                .setActive(true)
                .setVersion(MESOS_VERSION)
                .setPid("slave(1)@" + Catalogue.agentIp(number) + ":" + AGENT_PORT)
                .setRegisteredTime(registeredTime)
                .addAllTotalResources(resources)
                .addAllCapabilities(AGENT_CAPABILITIES)
                .build();
        ContainerStatus containerStatus = ContainerStatus.newBuilder()
                .addNetworkInfos(NetworkInfo.newBuilder().addIpAddresses(
                        NetworkInfo.IPAddress.newBuilder().setIpAddress(Catalogue.agentIp(number))))
                .build();
        return new AgentEntry(id, number, agent, containerStatus);
    }

    Agent reregistered(Agent agent) {
        return agent.toBuilder().setReregisteredTime(clock.timeInfo()).build();
    }

    FrameworkInfo frameworkInfo(FrameworkKind kind, String id, String schedulerHost) {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder()
                .setUser(kind.user())
                .setName(kind.name())
                .setId(FrameworkID.newBuilder().setValue(id))
                .setFailoverTimeout(604_800)
                .setCheckpoint(true)
                .addRoles("*")
                .setHostname(schedulerHost)
                .setPrincipal(kind.name())
                .addCapabilities(frameworkCapability(FrameworkInfo.Capability.Type.MULTI_ROLE));
        if (kind.partitionAware()) {
            info.addCapabilities(frameworkCapability(FrameworkInfo.Capability.Type.PARTITION_AWARE));
        }
        if (kind.killingState()) {
            info.addCapabilities(frameworkCapability(FrameworkInfo.Capability.Type.TASK_KILLING_STATE));
        }
        if (kind.name().equals(Catalogue.MARATHON)) {
            info.setWebuiUrl("http://" + schedulerHost + ":8080");
        }
        return info.build();
    }

    Framework framework(FrameworkInfo info, TimeInfo registeredTime) {
        return Framework.newBuilder().setFrameworkInfo(info).setActive(true).setConnected(true)
                .setRecovered(false).setRegisteredTime(registeredTime).build();
    }

    /** A task just launched: {@code TASK_STAGING} without statuses, as the master adds it. */
    Task stagingTask(String taskId, FrameworkEntry framework, AgentEntry agent, Workload workload, Executor executor) {
        Task.Builder task = Task.newBuilder()
                .setName(workload.taskName())
                .setTaskId(TaskID.newBuilder().setValue(taskId))
                .setFrameworkId(framework.framework.getFrameworkInfo().getId())
                .setAgentId(agent.agent.getAgentInfo().getId())
                .setState(TaskState.TASK_STAGING)
                .addResources(scalar("cpus", pick(TASK_CPUS)))
                .addResources(scalar("mem", pick(TASK_MEM)))
                .setUser(framework.kind.user());
        double disk = pick(TASK_DISK);
        if (disk > 0) {
            task.addResources(scalar("disk", disk));
        }
        int ports = framework.isMarathon() ? random.between(1, 3) : random.between(0, 2);
        if (ports > 0) {
            task.addResources(ports(ports));
        }
        if (executor != null) {
            task.setExecutorId(executor.getExecutorInfo().getExecutorId());
        }
        if (workload.healthChecked()) {
            task.setHealthCheck(workload.healthCheck());
        }
        return task.build();
    }

    /**
     * A task an external scheduler launched, {@code TASK_STAGING} without statuses: the resources it
     * asked for, and the name, labels and discovery ports Marathon gives its tasks.
     */
    Task launchedTask(LaunchRequest request, FrameworkEntry framework, AgentEntry agent, Workload workload,
                      List<Integer> ports) {
        Task.Builder task = Task.newBuilder()
                .setName(workload.taskName())
                .setTaskId(TaskID.newBuilder().setValue(request.taskId()))
                .setFrameworkId(framework.framework.getFrameworkInfo().getId())
                .setAgentId(agent.agent.getAgentInfo().getId())
                .setState(TaskState.TASK_STAGING)
                .addResources(scalar("cpus", request.cpus()))
                .addResources(scalar("mem", request.mem()))
                .setUser(framework.kind.user())
                .setLabels(Labels.newBuilder()
                        .addLabels(Label.newBuilder().setKey("MARATHON_APP_ID").setValue(request.appId()))
                        .addLabels(Label.newBuilder().setKey("MARATHON_APP_VERSION").setValue(request.appVersion())));
        DiscoveryInfo.Builder discovery = DiscoveryInfo.newBuilder().setVisibility(DiscoveryInfo.Visibility.FRAMEWORK)
                .setName(workload.taskName());
        if (!ports.isEmpty()) {
            task.addResources(portRanges(ports));
            Ports.Builder discovered = Ports.newBuilder();
            ports.forEach(port -> discovered.addPorts(Port.newBuilder().setNumber(port).setProtocol("tcp")));
            discovery.setPorts(discovered);
        }
        if (workload.healthChecked()) {
            task.setHealthCheck(workload.healthCheck());
        }
        return task.setDiscovery(discovery).build();
    }

    Executor executor(String taskId, FrameworkEntry framework, AgentEntry agent) {
        ExecutorInfo info = ExecutorInfo.newBuilder()
                .setType(ExecutorInfo.Type.CUSTOM)
                .setExecutorId(ExecutorID.newBuilder().setValue("executor." + taskId))
                .setFrameworkId(framework.framework.getFrameworkInfo().getId())
                .setCommand(CommandInfo.newBuilder().setValue("./" + framework.kind.name() + "-executor"))
                .setName(framework.kind.name() + " executor")
                .build();
        return Executor.newBuilder().setExecutorInfo(info).setAgentId(agent.agent.getAgentInfo().getId()).build();
    }

    /**
     * A status update of {@code task} stamped now.
     *
     * @param reason  null for none
     * @param healthy null when the update carries no health
     */
    TaskStatus status(TaskEntry task, TaskState state, TaskStatus.Source source, TaskStatus.Reason reason,
                      Boolean healthy) {
        TaskStatus.Builder status = TaskStatus.newBuilder()
                .setTaskId(task.task.getTaskId())
                .setState(state)
                .setSource(source)
                .setAgentId(task.task.getAgentId())
                .setTimestamp(clock.seconds())
                .setUuid(random.uuidBytes());
        if (reason != null) {
            status.setReason(reason);
            status.setMessage(message(reason));
        }
        if (task.task.hasExecutorId()) {
            status.setExecutorId(task.task.getExecutorId());
        }
        if (healthy != null) {
            status.setHealthy(healthy);
        }
        if (state == TaskState.TASK_RUNNING) {
            status.setContainerStatus(task.agent.containerStatus);
        }
        if (state == TaskState.TASK_UNREACHABLE) {
            status.setUnreachableTime(clock.timeInfo());
        }
        return status.build();
    }

    private static String message(TaskStatus.Reason reason) {
        return switch (reason) {
            case REASON_AGENT_REMOVED -> "Agent removed: health check timed out";
            case REASON_AGENT_RESTARTED -> "Agent restarted with a new ID";
            case REASON_AGENT_REMOVED_BY_OPERATOR -> "Agent marked gone by an operator";
            case REASON_COMMAND_EXECUTOR_FAILED -> "Command exited with status 1";
            case REASON_CONTAINER_LAUNCH_FAILED -> "Failed to launch container: image pull failed";
            case REASON_CONTAINER_LIMITATION_MEMORY -> "Memory limit exceeded";
            case REASON_EXECUTOR_TERMINATED -> "Executor terminated";
            case REASON_FRAMEWORK_REMOVED -> "Framework removed";
            case REASON_INVALID_OFFERS -> "Task launched with invalid offers";
            case REASON_TASK_HEALTH_CHECK_STATUS_UPDATED -> "Health check status updated";
            case REASON_TASK_INVALID -> "Task uses more resources than offered";
            default -> reason.name();
        };
    }

    private Resource ports(int count) {
        Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
        long begin = FIRST_PORT + random.between(0, (int) (LAST_PORT - FIRST_PORT - count));
        ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(begin + count - 1));
        return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(ranges).build();
    }

    /** A {@code ports} resource of these ports, ascending, consecutive ones as one range. */
    private static Resource portRanges(List<Integer> ports) {
        Value.Ranges.Builder ranges = Value.Ranges.newBuilder();
        int begin = ports.get(0);
        int end = begin;
        for (int port : ports.subList(1, ports.size())) {
            if (port != end + 1) {
                ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end));
                begin = port;
            }
            end = port;
        }
        ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end));
        return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES).setRanges(ranges).build();
    }

    private Resource scalar(String name, double value) {
        return scalars.computeIfAbsent(name + "=" + value, key -> Resource.newBuilder().setName(name)
                .setType(Value.Type.SCALAR).setScalar(Value.Scalar.newBuilder().setValue(value)).build());
    }

    private double pick(double[] values) {
        return values[random.between(0, values.length)];
    }

    private static Attribute text(String name, String value) {
        return Attribute.newBuilder().setName(name).setType(Value.Type.TEXT)
                .setText(Value.Text.newBuilder().setValue(value)).build();
    }

    private static AgentInfo.Capability agentCapability(AgentInfo.Capability.Type type) {
        return AgentInfo.Capability.newBuilder().setType(type).build();
    }

    private static FrameworkInfo.Capability frameworkCapability(FrameworkInfo.Capability.Type type) {
        return FrameworkInfo.Capability.newBuilder().setType(type).build();
    }
}
