package io.mesosevents.streams.rest;

import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How this instance reaches the copies of a partition: who owns what, its own stores, the other
 * instances over HTTP, which of them misbehaved lately, and what to tell a client to wait when
 * no copy may answer. Shared by key lookups ({@link KeyRouter}) and collections ({@link ScatterGather}).
 */
record Peers(PartitionOwners owners, LocalAnswerer local, Forwarder forwarder, HostInfo self, HostTrouble trouble,
             Duration retryAfter) {
}
