package io.mesosevents.simulator.marathon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A status update for one of Marathon's tasks, as Mesos reports it.
 *
 * @param taskId    the task
 * @param state     Mesos task state name, e.g. {@code TASK_RUNNING}
 * @param agentId   agent the task was placed on
 * @param host      host name of that agent
 * @param ports     host ports given to the task (empty before placement)
 * @param healthy   health check result; empty when the task has none or none yet
 * @param message   status message, may be empty
 * @param reason    Mesos status reason name, e.g. {@code REASON_TASK_HEALTH_CHECK_STATUS_UPDATED}; may be empty
 * @param timestamp when the update happened, in the simulated clock of the backend
 */
public record TaskUpdate(String taskId, String state, String agentId, String host, List<Integer> ports,
                         Optional<Boolean> healthy, String message, String reason, Instant timestamp) {

    public TaskUpdate {
        ports = List.copyOf(ports);
    }
}
