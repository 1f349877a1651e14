package io.mesosevents.simulator.mesos;

import java.util.List;

/**
 * What one master of a running simulator is doing; also the JSON of its {@code GET /simulator/status}.
 *
 * @param url                  this master's base URL
 * @param index                this master's index in its cluster (0 for a single master)
 * @param masterId             the current master id; a restart or failover changes it
 * @param seed                 the model's seed
 * @param leadership           whether this master leads
 * @param leader               the leader's {@code host:port} when following, else null
 * @param leaderIndex          index of the master that leads, or null while none of the cluster does
 * @param masters              every master's base URL, by index
 * @param stalled              whether streams are stalled
 * @param subscribers          subscriptions open on this master
 * @param eventsEmitted        events made so far (heartbeats not counted)
 * @param liveTasks            tasks not completed
 * @param activeAgents         registered agents
 * @param registeredFrameworks registered frameworks
 * @param restarts             restarts so far
 * @param failovers            failovers so far
 */
public record SimulatorStatus(String url, int index, String masterId, long seed, Leadership leadership, String leader,
                              Integer leaderIndex, List<String> masters, boolean stalled, int subscribers,
                              long eventsEmitted, int liveTasks, int activeAgents, int registeredFrameworks,
                              int restarts, int failovers) {

    public SimulatorStatus {
        masters = List.copyOf(masters);
    }
}
