package io.mesosevents.registry.serde;

import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.client.SchemaRegistryException;
import io.mesosevents.registry.client.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro records, resolving the writer's schema (fetched by id) to a
 * reader schema with Avro's schema-resolution rules, so that old data reads with new schemas and
 * vice versa within what the rules allow. Null payloads (tombstones) read as null. Thread-safe.
 *
 * <p>Three modes: {@link #specific} returns a generated class; {@link #generic} returns
 * {@link GenericRecord}s in the writer's schema or in a given reader schema; and when Kafka creates
 * it from its class name, {@code specific.avro.reader=true} returns the generated class named by
 * each writer schema, else generic records.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    /** Readers by writer schema id: the reader schema is fixed per instance (or per id, by name), so the id is the key. */
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private volatile Setup setup;

    /** For Kafka's reflective creation; {@link #configure} must be called before use. */
    public AvroDeserializer() {
    }

    private AvroDeserializer(SchemaRegistryClient client, ReaderChoice choice) {
        this.setup = new Setup(client, choice);
    }

    /** Returns instances of {@code type}, whose schema is the reader schema. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(SchemaRegistryClient client, Class<T> type) {
        return new AvroDeserializer<>(client, new ReaderChoice.Specific(Objects.requireNonNull(type, "type")));
    }

    /** Returns generic records in {@code readerSchema}, or in each record's writer schema when empty. */
    public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient client, Optional<Schema> readerSchema) {
        return new AvroDeserializer<>(client, new ReaderChoice.Generic(readerSchema));
    }

    /** Reads the registry connection and {@code specific.avro.reader}; ignored when built configured. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (setup == null) {
            ReaderChoice choice = AvroSerdeConfig.fromMap(configs).specificAvroReader()
                    ? new ReaderChoice.SpecificByWriterName(classLoader())
                    : new ReaderChoice.Generic(Optional.empty());
            setup = new Setup(SchemaRegistryClient.fromConfig(configs), choice);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AvroDeserializer.class.getClassLoader();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Setup current = setup;
        if (current == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = WireFormat.schemaId(topic, data);
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            // Fetched outside the map (the client caches it): a remote call inside computeIfAbsent would block
            // every other id hashed to the same bin for as long as the registry takes to answer.
            Schema writer = writerSchema(current.client(), id, topic);
            reader = readers.computeIfAbsent(id, key -> readerFor(current, writer));
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode the Avro record in topic '" + topic + "' with schema id " + id
                    + " (" + describe(reader) + "): " + e, e);
        }
    }

    private static Schema writerSchema(SchemaRegistryClient client, int id, String topic) {
        try {
            return client.schemaById(id);
        } catch (SchemaRegistryUnavailableException e) {
            throw new SerializationException("Cannot fetch schema id " + id + " for a record in topic '" + topic + "': "
                    + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Schema id " + id + " of a record in topic '" + topic
                    + "' is unknown to schema registry " + e.url() + " (HTTP " + e.status() + ", error code "
                    + e.errorCode() + ": " + e.registryMessage() + ")", e);
        } catch (RuntimeException e) {
            // The registry answered with something this deserializer cannot use (a non-Avro or unparsable schema).
            throw new SerializationException("Cannot use schema id " + id + " of a record in topic '" + topic + "': "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> DatumReader<T> readerFor(Setup setup, Schema writer) {
        ReaderChoice choice = setup.choice();
        if (choice instanceof ReaderChoice.Generic generic) {
            return (DatumReader<T>) new GenericDatumReader<GenericRecord>(writer, generic.readerSchema().orElse(writer));
        }
        Class<? extends SpecificRecord> type = choice instanceof ReaderChoice.Specific specific
                ? specific.type()
                : GeneratedClassData.forName(writer.getFullName(), ((ReaderChoice.SpecificByWriterName) choice).loader())
                        .orElseThrow(() -> new SerializationException("specific.avro.reader=true but there is no generated "
                                + "class " + writer.getFullName() + " (named by the writer schema) on the class path"));
        GeneratedClassData data = new GeneratedClassData(type);
        return new SpecificDatumReader<>(writer, data.getSchema(type), data);
    }

    private static String describe(DatumReader<?> reader) {
        if (reader instanceof GenericDatumReader<?> resolving) {
            return "writer schema " + fullName(resolving.getSchema()) + ", reader schema " + fullName(resolving.getExpected());
        }
        return reader.getClass().getSimpleName();
    }

    private static String fullName(Schema schema) {
        return schema == null ? "?" : schema.getFullName();
    }

    /** What the deserializer returns. */
    private sealed interface ReaderChoice {
        record Specific(Class<? extends SpecificRecord> type) implements ReaderChoice {
        }

        record Generic(Optional<Schema> readerSchema) implements ReaderChoice {
        }

        record SpecificByWriterName(ClassLoader loader) implements ReaderChoice {
        }
    }

    private record Setup(SchemaRegistryClient client, ReaderChoice choice) {
    }
}
