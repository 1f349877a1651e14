package io.mesosevents.simulator.marathon;

import java.util.List;

/** A task of the in-process Mesos; mutable. */
final class SimTask {

    /** How every task of one app version behaves, decided at its first launch. */
    enum Behaviour {
        /** Starts and stays healthy, but for the odd failed check. */
        FINE,
        /** A bad release: exits while starting, every time. */
        BROKEN,
        /** Runs but fails its health checks. */
        SICK
    }

    final TaskLaunch launch;
    final Behaviour behaviour;
    /** Null until placed. */
    SimAgent agent;
    /** Null until placed. */
    String state;
    /** The state an unreachable task had before, which it has again if its agent comes back. */
    String stateBeforeUnreachable;
    List<Integer> ports = List.of();
    /** The last health check result; null before the first or when unchecked. */
    Boolean healthy;
    boolean killRequested;

    SimTask(TaskLaunch launch, Behaviour behaviour) {
        this.launch = launch;
        this.behaviour = behaviour;
    }

    boolean reachable() {
        return agent == null || agent.reachable;
    }
}
