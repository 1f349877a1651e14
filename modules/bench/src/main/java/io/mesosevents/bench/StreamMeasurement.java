package io.mesosevents.bench;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Measurement 1: one protobuf event stream, three ways, on one broker.
 * <ol>
 *   <li>Source alone: the simulator streams to a subscriber that decodes and drops every event.
 *       Tells whether the simulator, HTTP and decoding feed the ingestor faster than it goes (up to
 *       the simulator's pace, {@code rate}).</li>
 *   <li>Ingestor: the same stream (same seed, so the same events) into Kafka. Timed from its
 *       snapshot's commit to the commit of its last live-change record, as a read_committed consumer
 *       would first see them ({@link CommitTimeline}); the records are counted afterwards ({@link TopicAuditor}).
 *       The simulator makes events faster than the ingestor takes them, so they queue up at the
 *       simulator and the ingestor always has a backlog.</li>
 *   <li>ProducerPerformance, plain and transactional, with as many records as the ingestor
 *       committed and their average value size.</li>
 * </ol>
 * Each subscriber runs in a JVM of its own, started before the master (see {@link SimulatedMaster});
 * events the master makes before it connects end up in the snapshot, so slightly fewer than
 * {@code events} are streamed, and the figures count what was.
 */
final class StreamMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(StreamMeasurement.class);
    private static final String PREFIX = "bench.stream.";
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(30);
    /** Nothing new for this long once the master made every event: the subscriber has caught up. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(100);

    private final DevStack stack;
    private final BenchTopics topics;
    private final long events;
    private final long rate;
    private final Duration timeout;

    StreamMeasurement(DevStack stack, BenchTopics topics, long events, long rate) {
        this.stack = stack;
        this.topics = topics;
        this.events = events;
        this.rate = rate;
        // Generous: even on a busy 2-core machine the slowest stage went at a few thousand events/s.
        this.timeout = Duration.ofSeconds(120 + events / 1_000);
    }

    StreamFigures run() throws InterruptedException, ExecutionException {
        LOG.info("Stream: {} events through a subscriber that only decodes", events);
        ReportLine source = sourceAlone();
        LOG.info("Stream: {} events through the ingestor into Kafka", events);
        IngestRun ingest = throughIngestor();
        long records = ingest.audit().deltas();
        int valueSize = (int) Math.round(ingest.audit().averageDeltaValueBytes());
        ProducerPerf perf = new ProducerPerf(stack.bootstrapServers(), timeout);
        LOG.info("Stream: ProducerPerformance, {} records of {} bytes", records, valueSize);
        PerfResult plain = perf.plain(topics.create("bench.perf"), records, valueSize);
        PerfResult transactional = perf.transactional(topics.create("bench.perf-transactional"), records, valueSize);
        return new StreamFigures(ingest.made(), new Throughput(source.number("events"), source.number("stream-nanos")),
                source.number("sessions"), ingest.committed(), ingest.audit(), ingest.heap(), plain, transactional);
    }

    private record IngestRun(Throughput made, Throughput committed, TopicAudit audit, HeapFigures heap) {
    }

    private ReportLine sourceAlone() throws InterruptedException {
        SimulatedMaster master = SimulatedMaster.onFreePort();
        try (ChildJvm subscriber = ChildJvm.start(SourceChild.class, List.of(master.url()))) {
            subscriber.awaitLine("started", CHILD_START);
            try (MesosMasterSimulator simulator = master.start(events, rate)) {
                SimulatedMaster.awaitMade(simulator, events, System.nanoTime(), timeout);
                Deadline deadline = Deadline.in(timeout);
                ReportLine report = report(subscriber);
                while (report.number("events") == 0 || report.number("idle-ms") < QUIET.toMillis()) {
                    deadline.require("the source-only subscriber to catch up");
                    Thread.sleep(POLL.toMillis());
                    report = report(subscriber);
                }
                subscriber.send("stop");
                return ReportLine.parse(subscriber.awaitLine("source", REPLY));
            }
        }
    }

    private IngestRun throughIngestor() throws InterruptedException, ExecutionException {
        List<String> mesosTopics = topics.provision(PREFIX, BenchTopics.MESOS);
        SimulatedMaster master = SimulatedMaster.onFreePort();
        try (CommitTimeline timeline = CommitTimeline.start(stack.clientProperties(), mesosTopics);
             ChildJvm ingestor = ChildJvm.start(IngestorChild.class,
                     List.of(master.url(), stack.bootstrapServers(), stack.schemaRegistryUrl(), PREFIX, IngestorChild.MASTER_STARTS_LATER))) {
            ingestor.awaitLine("started", CHILD_START);
            Throughput made;
            HeapFigures heap;
            try (MesosMasterSimulator simulator = master.start(events, rate)) {
                // The simulator starts making events as start() returns.
                made = SimulatedMaster.awaitMade(simulator, events, System.nanoTime(), timeout);
                timeline.awaitQuiet(QUIET, ingestor, Deadline.in(timeout));
                ingestor.send("stop");
                heap = HeapFigures.from(ReportLine.parse(ingestor.awaitLine("ingestor", REPLY)));
            }
            TopicAudit audit = new TopicAuditor(stack.clientProperties()).audit(mesosTopics);
            long from = timeline.firstCommitted(audit.snapshotEnds(), "snapshot");
            long to = timeline.firstCommitted(audit.lastDeltas(), "live change");
            return new IngestRun(made, new Throughput(audit.deltas(), to - from), audit, heap);
        }
    }

    private ReportLine report(ChildJvm subscriber) throws InterruptedException {
        subscriber.send("report");
        return ReportLine.parse(subscriber.awaitLine("source", REPLY));
    }
}
