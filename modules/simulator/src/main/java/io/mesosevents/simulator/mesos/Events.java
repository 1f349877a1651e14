package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetAgents.Agent;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;
import org.apache.mesos.v1.master.Protos.Response.GetState;

/** The master's {@code Event} messages, built as a real master fills them. */
final class Events {

    private static final Event HEARTBEAT = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();

    private Events() {
    }

    static Event subscribed(GetState state, double heartbeatIntervalSeconds) {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder().setGetState(state)
                        .setHeartbeatIntervalSeconds(heartbeatIntervalSeconds))
                .build();
    }

    static Event heartbeat() {
        return HEARTBEAT;
    }

    static Event taskAdded(Task task) {
        return Event.newBuilder().setType(Event.Type.TASK_ADDED)
                .setTaskAdded(Event.TaskAdded.newBuilder().setTask(task)).build();
    }

    /** {@code state} is the agent's latest state of the task, which may be newer than {@code status}. */
    static Event taskUpdated(FrameworkID frameworkId, TaskStatus status, TaskState state) {
        return Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                .setTaskUpdated(Event.TaskUpdated.newBuilder().setFrameworkId(frameworkId).setStatus(status).setState(state))
                .build();
    }

    static Event agentAdded(Agent agent) {
        return Event.newBuilder().setType(Event.Type.AGENT_ADDED)
                .setAgentAdded(Event.AgentAdded.newBuilder().setAgent(agent)).build();
    }

    static Event agentRemoved(AgentID agentId) {
        return Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(agentId)).build();
    }

    static Event frameworkAdded(Framework framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_ADDED)
                .setFrameworkAdded(Event.FrameworkAdded.newBuilder().setFramework(framework)).build();
    }

    static Event frameworkUpdated(Framework framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_UPDATED)
                .setFrameworkUpdated(Event.FrameworkUpdated.newBuilder().setFramework(framework)).build();
    }

    static Event frameworkRemoved(FrameworkInfo info) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_REMOVED)
                .setFrameworkRemoved(Event.FrameworkRemoved.newBuilder().setFrameworkInfo(info)).build();
    }
}
