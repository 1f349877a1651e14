package io.mesosevents.registry.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * Avro binary encoding of the record.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5-byte header announcing schema {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The schema id of a framed payload; a {@link SerializationException} saying what is wrong otherwise. */
    public static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Record in topic '" + topic + "' has " + payload.length
                    + " byte(s), fewer than the " + HEADER_SIZE + "-byte Confluent wire-format header (magic byte and schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Record in topic '%s' starts with byte 0x%02x, not the Confluent wire-format magic byte 0x00;"
                            + " it was not written by a schema-registry Avro serializer", topic, payload[0]));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
