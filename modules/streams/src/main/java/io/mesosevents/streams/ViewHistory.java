package io.mesosevents.streams;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The "as of" side of the views: each queryable view's changes are also kept in a versioned
 * store ({@link ViewStores#historyStoreName()}) for {@code historyRetention}, so a single row can
 * be read as it was at a past time. The current rows stay in plain stores, which also serve the
 * collection scans that versioned stores do not offer. Switched off ({@code enabled} false), it
 * records nothing and adds no store.
 */
final class ViewHistory {

    private final StreamsBuilder builder;
    private final ViewSerdes serdes;
    private final Duration historyRetention;
    private final boolean enabled;

    ViewHistory(StreamsBuilder builder, ViewSerdes serdes, Duration historyRetention, boolean enabled) {
        this.builder = builder;
        this.serdes = serdes;
        this.historyRetention = historyRetention;
        this.enabled = enabled;
    }

    <V extends SpecificRecord> void record(ViewStores view, KStream<String, V> changes) {
        if (!enabled) {
            return;
        }
        String store = view.historyStoreName();
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) view.rowType();
        builder.addStateStore(Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(store, historyRetention), serdes.keys(), serdes.values(type)));
        changes.process(() -> new HistoryWriter<V>(store), Named.as(store), store);
    }
}
