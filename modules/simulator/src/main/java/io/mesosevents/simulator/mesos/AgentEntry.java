package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.ContainerStatus;
import org.apache.mesos.v1.master.Protos.Response.GetAgents.Agent;

import java.util.LinkedHashSet;
import java.util.Set;

/** One agent of the model: its current {@code Agent} message, where it stands, its unfinished tasks. */
final class AgentEntry {

    enum Status {
        /** Registered: listed in {@code GetAgents.agents}. */
        ACTIVE,
        /** Removed after losing contact; may come back. Not listed. */
        UNREACHABLE,
        /** Known from the registry after a master failover, not yet reregistered: {@code recovered_agents}. */
        RECOVERED
    }

    final String id;
    final int number;
    /** Shared by every status of a task on this agent: the container's network is the agent's. */
    final ContainerStatus containerStatus;
    /** Tasks here that have not completed, in launch order. */
    final Set<TaskEntry> tasks = new LinkedHashSet<>();
    Agent agent;
    Status status = Status.ACTIVE;

    AgentEntry(String id, int number, Agent agent, ContainerStatus containerStatus) {
        this.id = id;
        this.number = number;
        this.agent = agent;
        this.containerStatus = containerStatus;
    }
}
