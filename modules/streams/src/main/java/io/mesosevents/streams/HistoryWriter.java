package io.mesosevents.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * Writes every change of a view into its versioned history store, stamped with the change's record
 * time, so a row can be read as it was at any time within the history retention. A tombstone
 * is recorded as a deletion at that time.
 */
final class HistoryWriter<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private VersionedKeyValueStore<String, V> history;

    HistoryWriter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        history = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> change) {
        history.put(change.key(), change.value(), change.timestamp());
    }
}
