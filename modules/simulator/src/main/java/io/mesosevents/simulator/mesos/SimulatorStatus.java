package io.mesosevents.simulator.mesos;

/**
 * What a running {@link MesosMasterSimulator} is doing; also the JSON of {@code GET /simulator/status}.
 *
 * @param url                  the master's base URL
 * @param masterId             the current master id; a restart changes it
 * @param seed                 the model's seed
 * @param leadership           whether the master leads
 * @param leader               the leader's {@code host:port} when following, else null
 * @param stalled              whether streams are stalled
 * @param subscribers          open subscriptions
 * @param eventsEmitted        events made so far (heartbeats not counted)
 * @param liveTasks            tasks not completed
 * @param activeAgents         registered agents
 * @param registeredFrameworks registered frameworks
 * @param restarts             restarts so far
 */
public record SimulatorStatus(String url, String masterId, long seed, Leadership leadership, String leader,
                              boolean stalled, int subscribers, long eventsEmitted, int liveTasks, int activeAgents,
                              int registeredFrameworks, int restarts) {
}
