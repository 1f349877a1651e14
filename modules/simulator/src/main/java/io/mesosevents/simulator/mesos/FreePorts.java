package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Host ports of an agent that none of its tasks holds, from the agent's {@code ports} resource: what
 * an offer would give a scheduler. (The model's own tasks take ports without looking; the ports an
 * external scheduler's task gets are free when it is placed.)
 */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * {@code count} free ports of {@code agent}, ascending, a run from a random place in its range;
     * empty when it has fewer free.
     */
    static Optional<List<Integer>> pick(AgentEntry agent, int count, SimRandom random) {
        if (count == 0) {
            return Optional.of(List.of());
        }
        BitSet free = new BitSet();
        agent.agent.getTotalResourcesList().forEach(resource -> portRanges(resource, free, true));
        agent.tasks.forEach(task -> task.task.getResourcesList().forEach(resource -> portRanges(resource, free, false)));
        int available = free.cardinality();
        if (available < count) {
            return Optional.empty();
        }
        // Take the run from the skip-th free port on, wrapping around to the lowest.
        int port = free.nextSetBit(0);
        for (int skip = random.between(0, available); skip > 0; skip--) {
            port = free.nextSetBit(port + 1);
        }
        List<Integer> ports = new ArrayList<>(count);
        while (ports.size() < count) {
            ports.add(port);
            int next = free.nextSetBit(port + 1);
            port = next >= 0 ? next : free.nextSetBit(0);
        }
        ports.sort(null);
        return Optional.of(List.copyOf(ports));
    }

    private static void portRanges(Resource resource, BitSet ports, boolean set) {
        if (!resource.getName().equals("ports") || resource.getType() != Value.Type.RANGES) {
            return;
        }
        for (Value.Range range : resource.getRanges().getRangeList()) {
            ports.set((int) range.getBegin(), (int) range.getEnd() + 1, set);
        }
    }
}
