package io.mesosevents.simulator.mesos;

/**
 * The answer to an external scheduler's kill; also the JSON answer of
 * {@code POST /simulator/schedulers/marathon/tasks/{taskId}/kill}.
 *
 * @param taskId the task
 * @param state  its latest state once the kill was taken in: {@code TASK_KILLING} when the kill has
 *               begun; the state it has when a kill was already under way, when the task is ending
 *               anyway, or when its agent is away ({@code TASK_UNREACHABLE}; the task is killed if
 *               the agent comes back)
 */
public record KillOutcome(String taskId, String state) {
}
