package io.mesosevents.streams;

import io.mesosevents.model.state.EventPosition;
import io.mesosevents.registry.serde.AvroSerdes;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Serdes and store builders shared by the view topologies: string keys, Avro values in the registry's wire format. */
public final class ViewSerdes {

    private final Map<String, ?> serdeConfig;

    public ViewSerdes(Map<String, ?> serdeConfig) {
        this.serdeConfig = Map.copyOf(serdeConfig);
    }

    public Serde<String> keys() {
        return Serdes.String();
    }

    public <T extends SpecificRecord> Serde<T> values(Class<T> type) {
        return AvroSerdes.specific(type, serdeConfig, false);
    }

    /** A persistent store of rows keyed by entity key. */
    public <T extends SpecificRecord> StoreBuilder<KeyValueStore<String, T>> rowStore(String name, Class<T> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys(), values(type));
    }

    /** Materializes a table as the persistent store {@code name}. */
    public <T extends SpecificRecord> Materialized<String, T, KeyValueStore<Bytes, byte[]>> materialized(String name,
                                                                                               Class<T> type) {
        return Materialized.<String, T, KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(keys())
                .withValueSerde(values(type));
    }

    /** A persistent store of the positions a {@link GuardedTable} keeps beside its rows. */
    StoreBuilder<KeyValueStore<String, EventPosition>> positionStore(String name) {
        return rowStore(name, EventPosition.class);
    }
}
