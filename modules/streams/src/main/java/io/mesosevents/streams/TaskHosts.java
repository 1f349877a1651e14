package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.TaskView;

/**
 * The host of a task is its agent's host name: tasks are joined to {@code state.agents} by
 * {@code <cluster>/<agent id>}, so a task learns its host when the agent arrives later too.
 * A task whose agent is unknown keeps the host Marathon reported, if any.
 */
final class TaskHosts {

    private TaskHosts() {
    }

    /** The agents-table key of a task's agent; null while the agent is unknown. */
    static String agentKey(TaskView task) {
        return task.getAgentId() == null || task.getAgentId().isEmpty() ? null
                : new EntityKey(task.getCluster(), task.getAgentId()).encode();
    }

    static TaskView withHost(TaskView task, AgentView agent) {
        if (agent == null || agent.getHostname() == null || agent.getHostname().equals(task.getHost())) {
            return task;
        }
        return TaskView.newBuilder(task).setHost(agent.getHostname()).build();
    }
}
