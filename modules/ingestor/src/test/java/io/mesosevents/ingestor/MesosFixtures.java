package io.mesosevents.ingestor;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;

import java.util.List;

/** Small, valid Mesos messages for tests. */
final class MesosFixtures {

    private MesosFixtures() {
    }

    static Task task(String id, String framework, String agent, TaskState state) {
        return Task.newBuilder()
                .setName("name-" + id)
                .setTaskId(TaskID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                .setAgentId(AgentID.newBuilder().setValue(agent))
                .setState(state)
                .addStatuses(TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(id)).setState(state).setTimestamp(1.7e9))
                .build();
    }

    static Response.GetAgents.Agent agent(String id) {
        return Response.GetAgents.Agent.newBuilder()
                .setAgentInfo(AgentInfo.newBuilder().setId(AgentID.newBuilder().setValue(id)).setHostname(id + ".test").setPort(5051))
                .setActive(true)
                .setPid("slave(1)@10.0.0.1:5051")
                .setVersion("1.11.0")
                .build();
    }

    static Response.GetFrameworks.Framework framework(String id) {
        return Response.GetFrameworks.Framework.newBuilder()
                .setFrameworkInfo(FrameworkInfo.newBuilder().setId(FrameworkID.newBuilder().setValue(id)).setName(id).setUser("root"))
                .setActive(true).setConnected(true).setRecovered(false)
                .build();
    }

    static Event.Subscribed subscribed(List<Task> tasks, List<String> agents, List<String> frameworks) {
        Response.GetState.Builder state = Response.GetState.newBuilder();
        state.getGetTasksBuilder().addAllTasks(tasks);
        agents.forEach(a -> state.getGetAgentsBuilder().addAgents(agent(a)));
        frameworks.forEach(f -> state.getGetFrameworksBuilder().addFrameworks(framework(f)));
        return Event.Subscribed.newBuilder().setGetState(state).setHeartbeatIntervalSeconds(15).build();
    }

    static Event taskUpdated(String id, String framework, TaskState state) {
        return Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                .setTaskUpdated(Event.TaskUpdated.newBuilder()
                        .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                        .setState(state)
                        .setStatus(TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(id)).setState(state).setTimestamp(1.7e9)))
                .build();
    }

    static Event agentRemoved(String id) {
        return Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(AgentID.newBuilder().setValue(id)))
                .build();
    }
}
