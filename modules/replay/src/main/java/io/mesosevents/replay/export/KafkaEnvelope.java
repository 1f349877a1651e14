package io.mesosevents.replay.export;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The record that Avro and Parquet exports write: Kafka's metadata beside the value, so a file read
 * on its own still says where each event came from and when Kafka stamped it.
 *
 * <pre>
 * record ExportedRecord {
 *   string topic; int partition; long offset;
 *   timestamp_ms timestamp;          // Kafka's record time
 *   union { null, string } key;
 *   union { null, &lt;value schema&gt; } value;   // null for a tombstone
 * }
 * </pre>
 */
public final class KafkaEnvelope {

    public static final String NAME = "ExportedRecord";
    public static final String NAMESPACE = "io.mesosevents.replay";

    private KafkaEnvelope() {
    }

    public static Schema schema(Schema valueSchema) {
        Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        return SchemaBuilder.record(NAME).namespace(NAMESPACE)
                .doc("An exported Kafka record: the topic, partition and offset it was read from, its record time and key, "
                        + "and its value (null for a tombstone).")
                .fields()
                .requiredString("topic")
                .requiredInt("partition")
                .requiredLong("offset")
                .name("timestamp").type(timestamp).noDefault()
                .optionalString("key")
                .name("value").type(Schema.createUnion(Schema.create(Schema.Type.NULL), valueSchema)).withDefault(null)
                .endRecord();
    }

    public static GenericRecord wrap(Schema envelope, ExportedRecord record) {
        GenericRecord wrapped = new GenericData.Record(envelope);
        wrapped.put(0, record.topic());
        wrapped.put(1, record.partition());
        wrapped.put(2, record.offset());
        wrapped.put(3, record.timestamp());
        wrapped.put(4, record.key());
        wrapped.put(5, record.value());
        return wrapped;
    }
}
