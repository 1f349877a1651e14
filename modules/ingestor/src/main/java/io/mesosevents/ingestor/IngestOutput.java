package io.mesosevents.ingestor;

import io.mesosevents.ingestor.metrics.IngestMetrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a source's ingestor puts its records: the writer, with the metrics every source counts the
 * same way. Shared by the Mesos and the Marathon paths so that both write, count and commit alike.
 */
public final class IngestOutput {

    private final RecordWriter writer;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestOutput(RecordWriter writer, IngestMetrics metrics, Clock clock) {
        this.writer = writer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Queues records that may share a transaction with their neighbours. */
    public void submit(List<Send> sends) throws InterruptedException {
        submit(sends, false);
    }

    /**
     * Writes a resync in one transaction of its own and waits for its commit: "ready" then means
     * written, and deltas queue behind their snapshot.
     *
     * @param received when the snapshot arrived, for the duration metric
     * @return false if it was not committed (the writer reported why; the source is resynchronised)
     */
    public boolean snapshot(List<Send> sends, Instant received) throws InterruptedException {
        submit(sends, true);
        if (!writer.flush()) {
            return false;
        }
        metrics.snapshotWritten(sends.size(), Duration.between(received, clock.instant()));
        return true;
    }

    /** Queues a dead letter, counted by the stage that rejected the input. */
    public void deadLetter(OutboundRecord letter, String stage) throws InterruptedException {
        metrics.deadLetter(stage);
        submit(List.of(Send.of(letter)), false);
    }

    /** Waits until everything queued is committed or dropped; true if committed. */
    public boolean flush() throws InterruptedException {
        return writer.flush();
    }

    public void eventIn(String type) {
        metrics.eventIn(type);
    }

    public Instant now() {
        return clock.instant();
    }

    private void submit(List<Send> sends, boolean atomically) throws InterruptedException {
        writer.submit(sends, atomically);
        sends.stream().collect(Collectors.groupingBy(send -> send.record().topic().defaultName(), Collectors.counting()))
                .forEach((topic, count) -> metrics.recordsOut(topic, count.intValue()));
    }
}
