package io.mesosevents.ingestor;

import io.mesosevents.ingestor.metrics.IngestMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The lifecycle every source's ingestion shares: a transactional writer that claims the source's
 * id (fencing older writers), the client reading the source, the response to write failures, the
 * connection meters, and "ready" once a snapshot is committed.
 */
final class SourceRun implements SourceIngestion {

    /** The ingestor and the client of one source, built around the writer. */
    record Parts(EventSource source, Runnable reloadOnNextSession) {
    }

    /** Builds the parts; {@code snapshotWritten} is to be run after every committed snapshot. */
    @FunctionalInterface
    interface Assembler {
        Parts assemble(RecordWriter writer, Runnable snapshotWritten) throws IOException;
    }

    private final KafkaRecordWriter writer;
    private final WriteFailureResponse failures;
    private final IngestMetrics metrics;
    private final EventSource source;
    private volatile boolean snapshotWritten;

    /**
     * @param name     the source kind, for the control thread's name
     * @param onFenced runs (on a thread of its own) when a newer ingestor of the same source took over
     */
    SourceRun(String name, KafkaWriterConfig writerConfig, IngestMetrics metrics, Runnable onFenced, Assembler assembler) {
        this.metrics = metrics;
        this.failures = new WriteFailureResponse(metrics, onFenced, name + "-ingestion-control");
        this.writer = new KafkaRecordWriter(writerConfig, failures.listener());
        Parts parts;
        try {
            parts = assembler.assemble(writer, () -> snapshotWritten = true);
        } catch (IOException e) {
            abandon();
            throw new UncheckedIOException("Cannot start reading the " + name + " source: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // E.g. an unreadable trust store: the writer already holds a producer and a thread.
            abandon();
            throw e;
        }
        this.source = parts.source();
        failures.attach(parts.reloadOnNextSession(), source);
        metrics.watch(new IngestMetrics.SourceConnection(source.reconnects(), source.lastByteAt()));
    }

    void start() {
        source.start().run();
    }

    @Override
    public boolean ready() {
        return snapshotWritten && !failures.fenced();
    }

    /**
     * True once this ingestion can no longer write: a newer ingestor of the same source took over,
     * or its producer failed beyond repair. Either way its replica should give up the lead.
     */
    boolean fenced() {
        return failures.fenced();
    }

    long reconnects() {
        return source.reconnects().getAsLong();
    }

    @Override
    public void close() {
        failures.close();
        source.close().run();
        writer.close();
        metrics.unwatch();
    }

    private void abandon() {
        writer.close();
        failures.close();
    }
}
