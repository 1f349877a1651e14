package io.mesosevents.streams.rest;

import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.streams.ViewStores;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every view store filled straight from a topic of ready-made rows, so the routes of every view can be
 * tested with exact rows, independently of how the real topology derives them.
 */
final class FixtureTopology {

    private FixtureTopology() {
    }

    static String topic(String prefix, ViewStores store) {
        return prefix + "fixture." + store.storeName();
    }

    static Topology build(String prefix, Map<String, ?> serdeConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        for (ViewStores store : ViewStores.values()) {
            table(builder, topic(prefix, store), store, store.rowType(), serdeConfig);
        }
        return builder.build();
    }

    private static <V extends SpecificRecord> void table(StreamsBuilder builder, String topic, ViewStores store,
                                                         Class<V> type, Map<String, ?> serdeConfig) {
        builder.table(topic, Consumed.with(Serdes.String(), AvroSerdes.specific(type, serdeConfig, false)),
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store.storeName()));
    }
}
