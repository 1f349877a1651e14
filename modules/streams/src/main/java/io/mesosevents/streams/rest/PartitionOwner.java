package io.mesosevents.streams.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Who holds one partition of a store, from Kafka Streams' metadata.
 *
 * @param partition the store partition
 * @param active    the instance with the active copy; empty during a rebalance that has not placed it yet
 * @param standbys  the instances with standby copies
 */
record PartitionOwner(int partition, Optional<HostInfo> active, List<HostInfo> standbys) {

    PartitionOwner {
        standbys = List.copyOf(standbys);
    }

    /** The instances to ask, in order: the active owner, then the standbys. */
    List<HostInfo> candidates() {
        List<HostInfo> candidates = new ArrayList<>();
        active.ifPresent(candidates::add);
        standbys.stream().filter(host -> !candidates.contains(host)).forEach(candidates::add);
        return candidates;
    }
}
