package io.mesosevents.bench;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.ingestor.EntityState;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Measurement 2: a large {@code SUBSCRIBED} snapshot and nothing after it (the master makes no
 * events), ingested by the ingestor in a JVM of its own. Timed from subscribing (the child's
 * {@code started}, once its producer is ready) to the snapshot transaction committed, as a
 * read_committed consumer would first see it ({@link CommitTimeline}); the ingestor's own meter
 * says how much of that came after the snapshot was decoded. Its heap peak covers the same span.
 */
final class SnapshotMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotMeasurement.class);
    private static final String PREFIX = "bench.snapshot.";
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** Nothing follows the snapshot, so once it is committed the offsets stay put. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final DevStack stack;
    private final BenchTopics topics;
    private final int tasks;
    private final int agents;

    SnapshotMeasurement(DevStack stack, BenchTopics topics, int tasks, int agents) {
        this.stack = stack;
        this.topics = topics;
        this.tasks = tasks;
        this.agents = agents;
    }

    SnapshotFigures run() throws InterruptedException, ExecutionException {
        LOG.info("Snapshot: building a cluster of {} tasks on {} agents", tasks, agents);
        long building = System.nanoTime();
        try (MesosMasterSimulator master = MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withHost("127.0.0.1")
                .withPort(0).withTasks(tasks).withAgents(agents).withMaxEvents(0))) {
            long built = System.nanoTime() - building;
            LOG.info("Snapshot: ingesting it into Kafka");
            List<String> entityTopics = topics.provision(PREFIX, EntityState.ENTITY_TOPICS);
            try (CommitTimeline timeline = CommitTimeline.start(stack.clientProperties(), entityTopics);
                 ChildJvm ingestor = ChildJvm.start(IngestorChild.class,
                         List.of(master.url(), stack.bootstrapServers(), stack.schemaRegistryUrl(), PREFIX, IngestorChild.MASTER_LISTENS))) {
                ingestor.awaitLine("started", CHILD_START);
                long subscribing = System.nanoTime();
                timeline.awaitQuiet(QUIET, ingestor, Deadline.in(TIMEOUT));
                ingestor.send("stop");
                ReportLine report = ReportLine.parse(ingestor.awaitLine("ingestor", REPLY));
                TopicAudit audit = new TopicAuditor(stack.clientProperties()).audit(entityTopics);
                long committed = timeline.firstCommitted(audit.snapshotEnds(), "snapshot");
                return new SnapshotFigures(tasks, agents, built, committed - subscribing, report.number("snapshot-commit-nanos"),
                        audit.snapshotRecords(), audit.sessions().size(), HeapFigures.from(report));
            }
        }
    }
}
