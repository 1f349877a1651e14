package io.mesosevents.replay.export;

import org.apache.avro.generic.GenericRecord;

/**
 * One record as exported: where Kafka kept it (topic, partition, offset), Kafka's record time in
 * epoch milliseconds, the key as text (keys are UTF-8 strings; null when the record has none), and
 * the decoded value (null for a tombstone).
 */
public record ExportedRecord(String topic, int partition, long offset, long timestamp, String key, GenericRecord value) {
}
