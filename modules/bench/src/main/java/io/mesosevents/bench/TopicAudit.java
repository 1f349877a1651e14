package io.mesosevents.bench;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Set;

/**
 * What a read_committed consumer finds in the ingestor's Mesos topics.
 *
 * @param snapshotEnds    per partition, the offset of the last snapshot-end marker: the snapshot
 *                        is committed once every one of them is
 * @param lastDeltas      per partition that holds live changes, the offset of the last one
 * @param snapshotRecords entity records of snapshots (markers not counted)
 * @param deltas          live-change records, one per Mesos event other than heartbeats
 * @param deltaKeyBytes   their keys' bytes
 * @param deltaValueBytes their values' bytes, Confluent wire format (5-byte header and Avro binary)
 * @param sessions        the distinct ingestor session ids: more than one means a reconnect and a resync
 */
record TopicAudit(Map<TopicPartition, Long> snapshotEnds, Map<TopicPartition, Long> lastDeltas, long snapshotRecords,
                  long deltas, long deltaKeyBytes, long deltaValueBytes, Set<String> sessions) {

    TopicAudit {
        snapshotEnds = Map.copyOf(snapshotEnds);
        lastDeltas = Map.copyOf(lastDeltas);
        sessions = Set.copyOf(sessions);
    }

    double averageDeltaValueBytes() {
        return deltas == 0 ? 0 : (double) deltaValueBytes / deltas;
    }

    double averageDeltaKeyBytes() {
        return deltas == 0 ? 0 : (double) deltaKeyBytes / deltas;
    }
}
