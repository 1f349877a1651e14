package io.mesosevents.mesos.recordio;

/** Receives the records that a {@link RecordIoDecoder} completes, in stream order. */
@FunctionalInterface
public interface RecordConsumer {

    /**
     * @param offset  stream offset of the record's first byte (its length line)
     * @param payload the record's bytes, owned by the consumer from now on
     */
    void record(long offset, byte[] payload);
}
