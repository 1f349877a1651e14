package io.mesosevents.simulator.mesos;

/**
 * The answer to an external scheduler taking over a framework; also the JSON answer of
 * {@code POST /simulator/schedulers/marathon}.
 *
 * @param frameworkId the framework's id, which its tasks run under
 * @param master      {@code host:port} of the master it is registered with, the elected one
 */
public record SchedulerTakeover(String frameworkId, String master) {
}
