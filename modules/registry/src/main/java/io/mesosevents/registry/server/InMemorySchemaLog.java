package io.mesosevents.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A schema log kept in memory: lost with the process, but it outlives a server, so a new server
 * over the same instance sees everything the previous one registered. For tests and throw-away
 * registries.
 */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<SchemaLogRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(SchemaLogRecord record) {
        records.add(record);
    }

    @Override
    public void replay(Consumer<SchemaLogRecord> sink) {
        List<SchemaLogRecord> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(records);
        }
        snapshot.forEach(sink);
    }
}
