package io.mesosevents.registry.serde;

import io.mesosevents.registry.client.SchemaRegistryClient;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Ready-to-use Avro serdes for producers, consumers and Kafka Streams. They are configured when
 * created ({@code configure()} calls by Kafka are ignored). Pass one shared
 * {@link SchemaRegistryClient} to the overloads that take it to share its caches and connections
 * among many serdes.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A serde for generated class {@code type}; {@code config} holds the registry and serde properties. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, Map<String, ?> config, boolean isKey) {
        return specific(type, SchemaRegistryClient.fromConfig(config), config, isKey);
    }

    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                Map<String, ?> config, boolean isKey) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, AvroSerdeConfig.fromMap(config), isKey),
                AvroDeserializer.specific(client, type));
    }

    /** A serde for generic records, read in their writer's schema. */
    public static Serde<GenericRecord> generic(Map<String, ?> config, boolean isKey) {
        return generic(Optional.empty(), SchemaRegistryClient.fromConfig(config), config, isKey);
    }

    /** A serde for generic records, read in {@code readerSchema} when given, else in their writer's schema. */
    public static Serde<GenericRecord> generic(Optional<Schema> readerSchema, SchemaRegistryClient client,
                                               Map<String, ?> config, boolean isKey) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, AvroSerdeConfig.fromMap(config), isKey),
                AvroDeserializer.generic(client, readerSchema));
    }
}
