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
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The ingestor's meters, under {@code mesos_events_ingest_*} in Prometheus: events in by source
 * and type, records handed to Kafka by topic, dead letters by stage, write failures, reconnects,
 * seconds since the source's last byte, and the size and duration of the last snapshot.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer snapshotDuration;
    private final AtomicLong lastSnapshotRecords = new AtomicLong();
    private final Counter writeFailures;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.snapshotDuration = Timer.builder("mesos.events.ingest.snapshot.duration")
                .description("Time from receiving a snapshot to its transaction being committed").register(registry);
        this.writeFailures = Counter.builder("mesos.events.ingest.write.failures")
                .description("Kafka writes that failed and forced a resync").register(registry);
        Gauge.builder("mesos.events.ingest.snapshot.records", lastSnapshotRecords, AtomicLong::get)
                .description("Records written by the last snapshot (markers and gone records included)").register(registry);
    }

    public void eventIn(String source, String type) {
        Counter.builder("mesos.events.ingest.events").description("Events received from the source")
                .tag("source", source).tag("type", type).register(registry).increment();
    }

    public void recordsOut(String topic, int count) {
        Counter.builder("mesos.events.ingest.records").description("Records handed to the Kafka writer")
                .tag("topic", topic).register(registry).increment(count);
    }

    public void deadLetter(String stage) {
        Counter.builder("mesos.events.ingest.dead.letters").description("Inputs written to the dead-letter topic")
                .tag("stage", stage).register(registry).increment();
    }

    public void writeFailed() {
        writeFailures.increment();
    }

    public void snapshotWritten(int records, Duration took) {
        lastSnapshotRecords.set(records);
        snapshotDuration.record(took);
    }

    /** Meters read from the subscriber whenever they are scraped. */
    public <S> void watchSubscriber(S subscriber, ToDoubleFunction<S> reconnects, Supplier<Optional<Instant>> lastByteAt, Clock clock) {
        FunctionCounter.builder("mesos.events.ingest.reconnects", subscriber, reconnects)
                .description("Times the source connection was started over").register(registry);
        Gauge.builder("mesos.events.ingest.last.byte.age", () -> lastByteAt.get()
                        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("Seconds since the source sent its last byte").register(registry);
    }
}
