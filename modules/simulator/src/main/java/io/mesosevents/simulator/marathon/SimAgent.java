package io.mesosevents.simulator.marathon;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** An agent of the in-process Mesos: a host, its port range and the tasks on it; mutable. */
final class SimAgent {

    static final int FIRST_PORT = 31_000;
    static final int LAST_PORT = 32_000;

    final String id;
    final String host;
    final Set<Integer> usedPorts = new TreeSet<>();
    final Set<SimTask> tasks = new LinkedHashSet<>();
    boolean reachable = true;

    SimAgent(String id, String host) {
        this.id = id;
        this.host = host;
    }
}
