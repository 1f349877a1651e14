package io.mesosevents.ingestor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The meters of one source's ingestion, under {@code mesos_events_ingest_*} in Prometheus and
 * tagged {@code source="mesos"} or {@code source="marathon"}: events in by type, records handed to
 * Kafka by topic, dead letters by stage, write failures, reconnects, seconds since the source's
 * last byte, and the size and duration of the last snapshot.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final String source;
    private final Timer snapshotDuration;
    private final AtomicLong lastSnapshotRecords = new AtomicLong();
    private final Counter writeFailures;
    /** The connection of the ingestion that runs now; leadership changes replace it. */
    private final AtomicReference<SourceConnection> connection = new AtomicReference<>();
    /** Reconnects of the connections before the current one, so the counter never goes back. */
    private final AtomicLong earlierReconnects = new AtomicLong();

    /** Reads the state of one source connection when meters are scraped. */
    public record SourceConnection(LongSupplier reconnects, Supplier<Optional<Instant>> lastByteAt) {
    }

    /** @param source the source kind, {@code mesos} or {@code marathon}: one set of meters per source */
    public IngestMetrics(MeterRegistry registry, Clock clock, String source) {
        this.registry = registry;
        this.source = source;
        this.snapshotDuration = Timer.builder("mesos.events.ingest.snapshot.duration")
                .description("Time from receiving a snapshot to its transaction being committed").tag("source", source).register(registry);
        this.writeFailures = Counter.builder("mesos.events.ingest.write.failures")
                .description("Kafka writes that failed and forced a resync").tag("source", source).register(registry);
        Gauge.builder("mesos.events.ingest.snapshot.records", lastSnapshotRecords, AtomicLong::get)
                .description("Records written by the last snapshot (markers and gone records included)").tag("source", source).register(registry);
        FunctionCounter.builder("mesos.events.ingest.reconnects", this, IngestMetrics::reconnects)
                .description("Times the source connection was started over").tag("source", source).register(registry);
        Gauge.builder("mesos.events.ingest.last.byte.age", this, metrics -> metrics.lastByteAge(clock))
                .baseUnit("seconds").description("Seconds since the source sent its last byte").tag("source", source).register(registry);
    }

    public void eventIn(String type) {
        Counter.builder("mesos.events.ingest.events").description("Events received from the source")
                .tag("source", source).tag("type", type).register(registry).increment();
    }

    public void recordsOut(String topic, int count) {
        Counter.builder("mesos.events.ingest.records").description("Records handed to the Kafka writer")
                .tag("source", source).tag("topic", topic).register(registry).increment(count);
    }

    public void deadLetter(String stage) {
        Counter.builder("mesos.events.ingest.dead.letters").description("Inputs written to the dead-letter topic")
                .tag("source", source).tag("stage", stage).register(registry).increment();
    }

    public void writeFailed() {
        writeFailures.increment();
    }

    public void snapshotWritten(int records, Duration took) {
        lastSnapshotRecords.set(records);
        snapshotDuration.record(took);
    }

    /** From now on the connection meters read {@code current}. */
    public synchronized void watch(SourceConnection current) {
        retire();
        connection.set(current);
    }

    /** No connection now (e.g. this replica stopped leading): the last-byte age reads NaN. */
    public synchronized void unwatch() {
        retire();
    }

    // Folds the old connection's reconnects into the total before it goes, so the counter never drops.
    private void retire() {
        SourceConnection previous = connection.get();
        if (previous != null) {
            earlierReconnects.addAndGet(previous.reconnects().getAsLong());
            connection.set(null);
        }
    }

    private synchronized double reconnects() {
        SourceConnection current = connection.get();
        return earlierReconnects.get() + (current == null ? 0 : current.reconnects().getAsLong());
    }

    private double lastByteAge(Clock clock) {
        SourceConnection current = connection.get();
        return current == null ? Double.NaN : current.lastByteAt().get()
                .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
