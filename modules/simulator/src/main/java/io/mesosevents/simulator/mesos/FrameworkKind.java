package io.mesosevents.simulator.mesos;

import java.util.List;

/**
 * What a framework is like, by name: whether it is partition-aware (its tasks go UNREACHABLE rather
 * than LOST, DROPPED rather than LOST), whether it knows the KILLING state, and what it runs.
 */
record FrameworkKind(String name, String user, boolean partitionAware, boolean killingState,
                     List<Workload> workloads) {
}
