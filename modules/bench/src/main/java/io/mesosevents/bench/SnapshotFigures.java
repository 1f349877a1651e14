package io.mesosevents.bench;

/**
 * The figures of the snapshot measurement.
 *
 * @param tasks             live tasks the simulated cluster was built with
 * @param agents            its agents
 * @param buildNanos        the simulator building that cluster (not part of the ingestion)
 * @param ingestNanos       from subscribing to the snapshot transaction committed
 * @param afterDecodeNanos  the part of it after the snapshot was decoded, by the ingestor's own
 *                          meter: mapping, reconciling, serializing, writing, committing ({@code -1} if unknown)
 * @param snapshotRecords   entity records the snapshot became (tasks, completed tasks, agents, frameworks)
 * @param sessions          ingestor sessions seen in the topics (1 unless it reconnected)
 * @param heap              the ingestor JVM's heap
 */
record SnapshotFigures(int tasks, int agents, long buildNanos, long ingestNanos, long afterDecodeNanos, long snapshotRecords,
                       int sessions, HeapFigures heap) {
}
