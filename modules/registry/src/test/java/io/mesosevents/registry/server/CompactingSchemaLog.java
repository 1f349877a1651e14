package io.mesosevents.registry.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A schema log kept as the Kafka topic keeps it, as key and value bytes from {@link SchemaLogCodec},
 * and compacted as Kafka compacts it: {@link #compact()} keeps only the latest record of each key,
 * at its place in the log, and drops a key altogether when that record is a tombstone (as Kafka does
 * once {@code delete.retention.ms} has passed).
 */
final class CompactingSchemaLog implements SchemaLog {

    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void append(SchemaLogRecord record) {
        entries.add(new Entry(ByteBuffer.wrap(codec.key(record)), codec.value(record)));
    }

    @Override
    public void replay(Consumer<SchemaLogRecord> sink) {
        List<Entry> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(entries);
        }
        snapshot.forEach(entry -> codec.decode(entry.key().array(), entry.value()).ifPresent(sink));
    }

    synchronized void compact() {
        Map<ByteBuffer, Integer> latest = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            latest.put(entries.get(i).key(), i);
        }
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (latest.get(entry.key()) == i && entry.value() != null) {
                kept.add(entry);
            }
        }
        entries.clear();
        entries.addAll(kept);
    }

    /** A record as Kafka stores it; keys compare by content, as compaction compares them. */
    private record Entry(ByteBuffer key, byte[] value) {
    }
}
