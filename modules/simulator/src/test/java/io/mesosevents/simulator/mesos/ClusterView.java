package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;
import org.apache.mesos.v1.master.Protos.Response.GetState;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer of the event stream tracks, built from a snapshot and kept current by applying
 * events, as the ingestor will; two views compare equal when they agree on every task (state,
 * agent, framework, health), agent and framework.
 */
final class ClusterView {

    record TaskView(String state, String agentId, String frameworkId, Boolean healthy) {
    }

    record FrameworkView(String name, boolean active, boolean completed) {
    }

    final Map<String, TaskView> tasks = new TreeMap<>();
    final Map<String, String> agents = new TreeMap<>();
    final TreeSet<String> recoveredAgents = new TreeSet<>();
    final Map<String, FrameworkView> frameworks = new TreeMap<>();

    static ClusterView of(GetState state) {
        ClusterView view = new ClusterView();
        state.getGetTasks().getTasksList().forEach(view::putTask);
        state.getGetTasks().getUnreachableTasksList().forEach(view::putTask);
        state.getGetTasks().getCompletedTasksList().forEach(view::putTask);
        state.getGetAgents().getAgentsList().forEach(agent ->
                view.agents.put(agent.getAgentInfo().getId().getValue(), agent.getAgentInfo().getHostname()));
        state.getGetAgents().getRecoveredAgentsList().forEach(info -> view.recoveredAgents.add(info.getId().getValue()));
        state.getGetFrameworks().getFrameworksList().forEach(framework -> view.putFramework(framework, false));
        state.getGetFrameworks().getCompletedFrameworksList().forEach(framework -> view.putFramework(framework, true));
        return view;
    }

    void apply(Event event) {
        switch (event.getType()) {
            case TASK_ADDED -> putTask(event.getTaskAdded().getTask());
            case TASK_UPDATED -> {
                TaskStatus status = event.getTaskUpdated().getStatus();
                String id = status.getTaskId().getValue();
                TaskView known = tasks.get(id);
                if (known == null) {
                    throw new AssertionError("TASK_UPDATED for unknown task " + id);
                }
                tasks.put(id, new TaskView(event.getTaskUpdated().getState().name(), known.agentId(),
                        event.getTaskUpdated().getFrameworkId().getValue(), status.hasHealthy() ? status.getHealthy() : null));
            }
            case AGENT_ADDED -> {
                String id = event.getAgentAdded().getAgent().getAgentInfo().getId().getValue();
                agents.put(id, event.getAgentAdded().getAgent().getAgentInfo().getHostname());
                recoveredAgents.remove(id);
            }
            case AGENT_REMOVED -> agents.remove(event.getAgentRemoved().getAgentId().getValue());
            case FRAMEWORK_ADDED -> putFramework(event.getFrameworkAdded().getFramework(), false);
            case FRAMEWORK_UPDATED -> putFramework(event.getFrameworkUpdated().getFramework(), false);
            case FRAMEWORK_REMOVED -> frameworks.put(event.getFrameworkRemoved().getFrameworkInfo().getId().getValue(),
                    new FrameworkView(event.getFrameworkRemoved().getFrameworkInfo().getName(), false, true));
            case HEARTBEAT -> {
                // Nothing changes.
            }
            default -> throw new AssertionError("Unexpected event " + event.getType());
        }
    }

    private void putTask(Task task) {
        TaskStatus last = task.getStatusesCount() == 0 ? null : task.getStatuses(task.getStatusesCount() - 1);
        tasks.put(task.getTaskId().getValue(), new TaskView(task.getState().name(), task.getAgentId().getValue(),
                task.getFrameworkId().getValue(), last != null && last.hasHealthy() ? last.getHealthy() : null));
    }

    private void putFramework(Framework framework, boolean completed) {
        frameworks.put(framework.getFrameworkInfo().getId().getValue(),
                new FrameworkView(framework.getFrameworkInfo().getName(), framework.getActive(), completed));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterView view && tasks.equals(view.tasks) && agents.equals(view.agents)
                && recoveredAgents.equals(view.recoveredAgents) && frameworks.equals(view.frameworks);
    }

    @Override
    public int hashCode() {
        return tasks.hashCode();
    }

    @Override
    public String toString() {
        return tasks.size() + " tasks, " + agents.size() + " agents, " + recoveredAgents.size() + " recovered, "
                + frameworks.size() + " frameworks";
    }
}
