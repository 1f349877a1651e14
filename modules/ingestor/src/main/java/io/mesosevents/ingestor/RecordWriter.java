package io.mesosevents.ingestor;

import java.util.List;

/** Where the ingestor's records go. */
public interface RecordWriter extends AutoCloseable {

    /**
     * Queues {@code sends} to be written in order. With {@code atomically}, they are written in one
     * transaction of their own (a snapshot); otherwise they may share one with neighbours. Blocks
     * while the writer is behind, which slows the reader down instead of growing memory.
     *
     * @throws IllegalStateException when the writer has stopped for good (see {@link WriteFailure#fatal()})
     */
    void submit(List<Send> sends, boolean atomically) throws InterruptedException;

    /**
     * Returns once everything submitted before is committed or dropped by a failure. After a
     * recoverable failure ({@link WriteFailure#fatal()} false), everything submitted up to the next
     * flush is dropped and that flush returns false: the failed session's records never resume
     * after a gap.
     *
     * @return true if it was committed
     */
    boolean flush() throws InterruptedException;

    @Override
    void close();
}
