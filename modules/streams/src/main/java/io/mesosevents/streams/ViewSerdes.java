package io.mesosevents.streams;

import io.mesosevents.model.state.EventPosition;
import io.mesosevents.registry.serde.AvroSerdes;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Serdes, store builders and output topics shared by the view topologies: string keys, Avro values in
 * the registry's wire format. Stores are persistent, or in memory for a replay
 * ({@link ViewsTopology.Options#persistent()}); output topics are written unless the options say not to.
 */
public final class ViewSerdes {

    private final Map<String, ?> serdeConfig;
    private final ViewsTopology.Options options;

    /** The serdes of the live views. */
    public ViewSerdes(Map<String, ?> serdeConfig) {
        this(serdeConfig, ViewsTopology.Options.live());
    }

    public ViewSerdes(Map<String, ?> serdeConfig, ViewsTopology.Options options) {
        this.serdeConfig = Map.copyOf(serdeConfig);
        this.options = options;
    }

    public Serde<String> keys() {
        return Serdes.String();
    }

    public <T extends SpecificRecord> Serde<T> values(Class<T> type) {
        return AvroSerdes.specific(type, serdeConfig, false);
    }

    /** A store of rows keyed by entity key: persistent, or in memory without changelog for a replay. */
    public <T extends SpecificRecord> StoreBuilder<KeyValueStore<String, T>> rowStore(String name, Class<T> type) {
        if (options.persistent()) {
            return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys(), values(type));
        }
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys(), values(type))
                .withLoggingDisabled().withCachingDisabled();
    }

    /** Materializes a table as the store {@code name}: persistent, or in memory, neither logged nor cached, for a replay. */
    public <T extends SpecificRecord> Materialized<String, T, KeyValueStore<Bytes, byte[]>> materialized(String name,
                                                                                               Class<T> type) {
        if (options.persistent()) {
            return Materialized.<String, T, KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(keys())
                    .withValueSerde(values(type));
        }
        return Materialized.<String, T>as(Stores.inMemoryKeyValueStore(name)).withKeySerde(keys())
                .withValueSerde(values(type)).withLoggingDisabled().withCachingDisabled();
    }

    /** A store of the positions a {@link GuardedTable} keeps beside its rows. */
    StoreBuilder<KeyValueStore<String, EventPosition>> positionStore(String name) {
        return rowStore(name, EventPosition.class);
    }

    /**
     * Writes a view's changes to its output topic through the sink {@code sinkName}. A replay writes
     * none: it reads the stores, and every record written would only pile up in its driver.
     */
    public <T extends SpecificRecord> void publish(KStream<String, T> changes, String topic, Class<T> type,
                                                   String sinkName) {
        if (options.publish()) {
            changes.to(topic, Produced.with(keys(), values(type)).withName(sinkName));
        }
    }
}
