package io.mesosevents.bench;

import java.util.Optional;

/**
 * What the REST latency measurement found.
 *
 * @param a          instance A's name: every request went to it
 * @param b          instance B's name
 * @param partitions the {@code tasks} store's active partitions per instance, once loaded
 * @param loadNanos  from starting both instances to both being loaded (restored from the changelogs)
 * @param keys       the sampled task keys, by who answered them on A
 * @param local      latencies of the keys A owns; empty when it owns none
 * @param forwarded  latencies of the keys B owns; empty when it owns none
 */
record RestFigures(String a, String b, RestInstances.TaskPartitions partitions, long loadNanos, RestKeySplit keys,
                   Optional<LatencyFigures> local, Optional<LatencyFigures> forwarded) {
}
