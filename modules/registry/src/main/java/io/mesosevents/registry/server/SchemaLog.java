package io.mesosevents.registry.server;

import java.util.function.Consumer;

/**
 * The durable store of a {@link SchemaRegistryServer}: the registry's whole state is the result of
 * applying these records in order, and is rebuilt from them at start.
 *
 * <p>A log has a single writer: one registry server appends to it at a time. Implementations must
 * be thread-safe.
 */
public interface SchemaLog extends AutoCloseable {

    /**
     * Appends {@code record}; when this returns normally the record is durable. When it throws, the
     * record may still have been written (a timed-out write can land anyway); a replay tells.
     */
    void append(SchemaLogRecord record);

    /**
     * Feeds every record present when the call starts, oldest first, to {@code sink}. A record whose
     * append threw before this call is either fed or never appears in the log.
     */
    void replay(Consumer<SchemaLogRecord> sink);

    /** Releases the log's resources; the default has none. */
    @Override
    default void close() {
    }
}
