package io.mesosevents.simulator.mesos;

import java.util.List;

/**
 * Where the master placed a task an external scheduler launched; also the JSON answer of
 * {@code POST /simulator/schedulers/marathon/tasks}. The task is {@code TASK_STAGING}; its later
 * states come as status updates in the event stream.
 *
 * @param taskId      the task
 * @param frameworkId the framework it runs under
 * @param agentId     the agent it was placed on
 * @param host        that agent's host name
 * @param ports       the host ports it was given, ascending, free on that agent when it was placed
 */
public record LaunchedTask(String taskId, String frameworkId, String agentId, String host, List<Integer> ports) {

    public LaunchedTask {
        ports = List.copyOf(ports);
    }
}
