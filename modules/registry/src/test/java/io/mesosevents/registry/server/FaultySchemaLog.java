package io.mesosevents.registry.server;

import java.util.function.Consumer;

/**
 * An in-memory schema log that fails on demand: its next append can write the record and then
 * throw, like a Kafka send that timed out but landed, and its replays can throw, like a Kafka that
 * is unreachable.
 */
final class FaultySchemaLog implements SchemaLog {

    private final InMemorySchemaLog records = new InMemorySchemaLog();
    private boolean failNextAppendAfterWriting;
    private boolean failReplays;

    synchronized void failNextAppendAfterWriting() {
        failNextAppendAfterWriting = true;
    }

    synchronized void failReplays(boolean fail) {
        failReplays = fail;
    }

    @Override
    public synchronized void append(SchemaLogRecord record) {
        records.append(record);
        if (failNextAppendAfterWriting) {
            failNextAppendAfterWriting = false;
            throw new SchemaLogException("Appending timed out (the record was written all the same)");
        }
    }

    @Override
    public void replay(Consumer<SchemaLogRecord> sink) {
        synchronized (this) {
            if (failReplays) {
                throw new SchemaLogException("Kafka is unreachable");
            }
        }
        records.replay(sink);
    }
}
