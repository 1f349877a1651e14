package io.mesosevents.registry.serde;

import io.mesosevents.registry.client.RegisteredSchema;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.client.SchemaRegistryException;
import io.mesosevents.registry.client.SchemaRegistryUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@link org.apache.avro.generic.GenericRecord}s)
 * in the Confluent wire format under the {@link TopicNameStrategy} subject. A null record is
 * written as null (a tombstone). Thread-safe.
 *
 * <p>Create it with a client and settings, or let Kafka create it from its class name and
 * {@link #configure} it from the producer's properties.
 */
public final class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();
    /** With use.latest.version the latest version is read once per subject, like Confluent's default. */
    private final Map<String, RegisteredSchema> latestVersions = new ConcurrentHashMap<>();
    private volatile Setup setup;

    /** For Kafka's reflective creation; {@link #configure} must be called before use. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
        this.setup = new Setup(client, config, isKey);
    }

    /** Reads the registry connection and serde settings; ignored when the serializer was built configured. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (setup == null) {
            setup = new Setup(SchemaRegistryClient.fromConfig(configs), AvroSerdeConfig.fromMap(configs), isKey);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Setup current = requireSetup();
        Schema schema = record.getSchema();
        String subject = TopicNameStrategy.subject(topic, current.isKey());
        int id = schemaId(current, subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(new WriterKey(schema, record.getClass()), AvroSerializer::writerFor).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            // Avro reports a record that does not fit its schema (a null in a non-null field, a wrong type) this way.
            throw new SerializationException("Cannot encode a " + schema.getFullName() + " record for topic '" + topic
                    + "': " + e, e);
        }
    }

    private int schemaId(Setup current, String subject, Schema schema) {
        SchemaRegistryClient client = current.client();
        try {
            if (current.config().autoRegisterSchemas()) {
                return client.register(subject, schema);
            }
            if (current.config().useLatestVersion()) {
                return latestVersionId(client, subject, schema);
            }
            return client.lookup(subject, schema).id();
        } catch (SchemaRegistryUnavailableException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " record for subject '" + subject
                    + "': " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            String action = current.config().autoRegisterSchemas() ? "register" : "look up";
            String hint = e.errorCode() == 40403 || e.errorCode() == 40401
                    ? "; it is not registered and auto.register.schemas=false" : "";
            throw new SerializationException("Cannot " + action + " schema " + schema.getFullName() + " under subject '"
                    + subject + "' in schema registry " + e.url() + " (HTTP " + e.status() + ", error code "
                    + e.errorCode() + ": " + e.registryMessage() + ")" + hint, e);
        }
    }

    private int latestVersionId(SchemaRegistryClient client, String subject, Schema schema) {
        RegisteredSchema latest = latestVersions.get(subject);
        if (latest == null) {
            // Fetched outside the map: a remote call inside computeIfAbsent would block every other subject hashed
            // to the same bin. Racing first calls may both fetch; the first answer stored is the one kept.
            RegisteredSchema fetched = client.latestVersion(subject);
            RegisteredSchema stored = latestVersions.putIfAbsent(subject, fetched);
            latest = stored != null ? stored : fetched;
        }
        // Writing with the latest version is only safe if it encodes records exactly like the record's schema.
        if (!SchemaNormalization.toParsingForm(latest.avroSchema()).equals(SchemaNormalization.toParsingForm(schema))) {
            throw new SerializationException("use.latest.version: version " + latest.version() + " (id " + latest.id()
                    + ") of subject '" + subject + "' does not encode records like " + schema.getFullName()
                    + " does; register the record's schema or update the producer");
        }
        return latest.id();
    }

    private static <T> DatumWriter<T> writerFor(WriterKey key) {
        // Specific writers know the generated classes' logical-type conversions; generic ones the plain values.
        return SpecificRecord.class.isAssignableFrom(key.recordClass())
                ? new SpecificDatumWriter<>(key.schema(), new GeneratedClassData(key.recordClass().asSubclass(SpecificRecord.class)))
                : new GenericDatumWriter<>(key.schema());
    }

    private Setup requireSetup() {
        Setup current = setup;
        if (current == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        return current;
    }

    private record WriterKey(Schema schema, Class<?> recordClass) {
    }

    private record Setup(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    }
}
