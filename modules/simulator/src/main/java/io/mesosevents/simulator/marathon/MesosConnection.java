package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.util.List;

/**
 * Marathon's side of its link to Mesos, as the event bus shows it: registration as a framework,
 * losing the master and registering again, and messages from executors.
 */
final class MesosConnection {

    private static final List<String> MESSAGES = List.of("{\"status\":\"ok\"}", "checkpoint complete", "ready",
            "{\"load\":0.42}");

    private final SimRandom random;
    private final MarathonState state;
    private final MarathonEvents events;
    private final TaskBackend backend;

    MesosConnection(SimRandom random, MarathonState state, MarathonEvents events, TaskBackend backend) {
        this.random = random;
        this.state = state;
        this.events = events;
        this.backend = backend;
    }

    BusEvent registered() {
        state.schedulerConnected = true;
        return events.schedulerRegistered(backend.frameworkId(), backend.master());
    }

    BusEvent disconnected() {
        state.schedulerConnected = false;
        return events.schedulerDisconnected();
    }

    /** Back with the master: mostly a reregistration; after a master failover sometimes a registration anew. */
    BusEvent reconnected() {
        if (random.chance(0.4)) {
            return registered();
        }
        state.schedulerConnected = true;
        return events.schedulerReregistered(backend.master());
    }

    /** An executor's message; command executors have the task's id. */
    BusEvent frameworkMessage(InstanceEntry instance) {
        return events.frameworkMessage(instance.taskId, instance.agentId, random.pick(MESSAGES));
    }
}
