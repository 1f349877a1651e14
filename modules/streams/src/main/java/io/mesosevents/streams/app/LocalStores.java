package io.mesosevents.streams.app;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One partition of a local key-value store, read with interactive queries v1 (plain and timestamped
 * stores alike; a timestamped one hands out its values without timestamps).
 *
 * <p>Not with v2: in Kafka Streams 4.3 a v2 key or range query on a RocksDB store takes the store's
 * position lock and then the store's own lock, while the stream thread writing to it takes them the
 * other way round, so a query during a commit can deadlock the stream thread (KAFKA-19629, fixed
 * after 4.3.1). v1 reads take only the store's locks. Versioned stores, which v1 cannot read, do not
 * take their locks in that order.
 */
public final class LocalStores {

    private LocalStores() {
    }

    /**
     * The store {@code storeName} of {@code partition} on this instance; {@code activeOnly} refuses a
     * standby (or restoring) copy.
     *
     * @throws InvalidStateStoreException when that partition cannot be read here now
     */
    public static ReadOnlyKeyValueStore<String, Object> keyValue(KafkaStreams streams, String storeName, int partition,
                                                                 boolean activeOnly) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> parameters = StoreQueryParameters
                .fromNameAndType(storeName, QueryableStoreTypes.<String, Object>keyValueStore())
                .withPartition(partition);
        return streams.store(activeOnly ? parameters : parameters.enableStaleStores());
    }
}
