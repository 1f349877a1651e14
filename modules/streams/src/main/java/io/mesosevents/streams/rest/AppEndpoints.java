package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppTask;
import io.mesosevents.model.state.AppTasks;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where an app can be reached: {@code host:port} of every running task that is not known to be
 * unhealthy (a task without health checks counts), one entry per port, as a load balancer would
 * route. Ordered by task id, then by the task's port order.
 */
final class AppEndpoints {

    private AppEndpoints() {
    }

    /** {@code [{"taskId", "host", "port"}, …]} from an app's AppTasks row. */
    static JsonNode of(SpecificRecord row) {
        AppTasks app = (AppTasks) row;
        Map<String, AppTask> byTaskId = new TreeMap<>(KeyOrder.CODE_POINTS);
        app.getTasks().forEach((taskId, task) -> byTaskId.put(taskId.toString(), task));
        ArrayNode endpoints = JsonBodies.array();
        byTaskId.forEach((taskId, task) -> {
            if (isReachable(task)) {
                task.getPorts().forEach(port -> endpoints.addObject().put("taskId", taskId)
                        .put("host", task.getHost()).put("port", port));
            }
        });
        return endpoints;
    }

    static boolean isReachable(AppTask task) {
        boolean unhealthy = task.getHealth() != null && Boolean.FALSE.equals(task.getHealth().getHealthy());
        return task.getState() == TaskState.TASK_RUNNING && !unhealthy && task.getHost() != null;
    }
}
