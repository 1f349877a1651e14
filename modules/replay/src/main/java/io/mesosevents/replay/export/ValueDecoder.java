package io.mesosevents.replay.export;

import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroDeserializer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes values in the registry wire format to generic records with the project's deserializer:
 * in the writer's schema (fetched by id), so fields newer than this version survive an Avro or
 * Parquet export; or, for the topics given a reader schema, resolved to it (CSV, whose header is
 * then one per topic whatever schema versions the range holds). Thread-safe.
 */
public final class ValueDecoder {

    private final SchemaRegistryClient registry;
    private final Map<String, Schema> readerSchemas;
    private final Map<String, AvroDeserializer<GenericRecord>> deserializers = new ConcurrentHashMap<>();

    public ValueDecoder(SchemaRegistryClient registry, Map<String, Schema> readerSchemas) {
        this.registry = registry;
        this.readerSchemas = Map.copyOf(readerSchemas);
    }

    /** The value of a record of {@code topic}; null for a tombstone. */
    public GenericRecord decode(String topic, byte[] value) {
        return deserializers.computeIfAbsent(topic,
                t -> AvroDeserializer.generic(registry, Optional.ofNullable(readerSchemas.get(t)))).deserialize(topic, value);
    }
}
