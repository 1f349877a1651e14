package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.apache.mesos.v1.master.Protos.Response.GetTasks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What tests compare between a master's GET_STATE truth and the state rebuilt from the topics. */
final class ClusterFacts {

    /** What the comparison looks at for a task. */
    record TaskFacts(String state, String agent, String framework, Boolean healthy) {
    }

    private ClusterFacts() {
    }

    static Map<String, TaskFacts> tasks(GetState truth) {
        GetTasks tasks = truth.getGetTasks();
        return Stream.of(tasks.getTasksList(), tasks.getUnreachableTasksList(), tasks.getCompletedTasksList(), tasks.getOrphanTasksList(),
                        tasks.getPendingTasksList())
                .flatMap(List::stream)
                .collect(Collectors.toMap(t -> t.getTaskId().getValue(), ClusterFacts::facts, (a, b) -> b, TreeMap::new));
    }

    static Map<String, TaskFacts> tasks(EntityState state) {
        Map<String, TaskFacts> tasks = new TreeMap<>();
        for (OutboundRecord record : state.entities(Topic.MESOS_TASK_EVENTS)) {
            MesosTaskEvent task = (MesosTaskEvent) record.value();
            Boolean healthy = task.getStatus() == null ? null : task.getStatus().getHealthy();
            tasks.put(task.getTaskId(), new TaskFacts(task.getState().name(), task.getAgentId(), task.getFrameworkId(), healthy));
        }
        return tasks;
    }

    static List<String> agents(GetState truth) {
        return Stream.concat(truth.getGetAgents().getAgentsList().stream().map(a -> a.getAgentInfo().getId().getValue()),
                truth.getGetAgents().getRecoveredAgentsList().stream().map(a -> a.getId().getValue())).sorted().toList();
    }

    static List<String> frameworks(GetState truth) {
        return Stream.concat(truth.getGetFrameworks().getFrameworksList().stream(), truth.getGetFrameworks().getCompletedFrameworksList().stream())
                .map(f -> f.getFrameworkInfo().getId().getValue()).sorted().toList();
    }

    static List<String> ids(EntityState state, Topic topic) {
        return state.entities(topic).stream().map(OutboundRecord::value)
                .map(value -> value instanceof MesosAgentEvent agent ? agent.getAgentId() : ((MesosFrameworkEvent) value).getFrameworkId())
                .sorted().toList();
    }

    private static TaskFacts facts(Task task) {
        Boolean healthy = task.getStatusesCount() > 0 && task.getStatuses(task.getStatusesCount() - 1).hasHealthy()
                ? task.getStatuses(task.getStatusesCount() - 1).getHealthy() : null;
        return new TaskFacts(task.getState().name(), task.getAgentId().getValue(), task.getFrameworkId().getValue(), healthy);
    }
}
