package io.mesosevents.bench;

/**
 * The figures of the stream measurement.
 *
 * @param made          the simulator making its events (no subscriber's pace involved)
 * @param source        events one subscriber received and decoded, from the first to the last
 * @param sourceSessions sessions the source-only subscriber needed (1 unless it was cut off)
 * @param ingested      live-change records the ingestor committed, from its snapshot's commit to the last one's
 * @param audit         what the ingestor wrote, read back
 * @param ingestorHeap  the ingestor JVM's heap during the stream
 * @param plain         ProducerPerformance with the same record count and value size
 * @param transactional the same with transactions committed as often as the ingestor's
 */
record StreamFigures(Throughput made, Throughput source, long sourceSessions, Throughput ingested, TopicAudit audit,
                     HeapFigures ingestorHeap, PerfResult plain, PerfResult transactional) {
}
