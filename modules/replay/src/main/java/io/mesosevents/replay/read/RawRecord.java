package io.mesosevents.replay.read;

/**
 * One record of a topic as it was read: where it sits, Kafka's record time, and the key and value
 * bytes undecoded (values in the registry wire format). The arrays are the consumer's own: readers
 * hand them on and do not change them.
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
}
