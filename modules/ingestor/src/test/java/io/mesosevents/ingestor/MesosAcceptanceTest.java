package io.mesosevents.ingestor;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.leader.Eventually;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import io.mesosevents.simulator.mesos.SimulatedMesosCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance run of Mesos ingestion: a seeded two-master cluster makes 50,000 events while the
 * ingestor's connection is cut 20 times at random points and the leading master fails over to the
 * other one (307). The ingestor runs as the CLI runs it, a leader-elected replica in a JVM of its
 * own. In the middle of the run that JVM is killed with SIGKILL while a transaction is open, and a
 * new one started with the same settings takes over once the dead replica's group session expires.
 * At the end the state rebuilt from the topics equals the master's truth, nothing is in the
 * dead-letter topic, every session's sequence numbers are gap-free and never interleave with
 * another's, and what the killed replica left uncommitted stays invisible to read_committed consumers.
 */
@ExtendWith(DevStackExtension.class)
class MesosAcceptanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(MesosAcceptanceTest.class);
    private static final String CLUSTER = "acceptance";
    private static final String PREFIX = "acceptance.";
    private static final long EVENTS = 50_000;
    // Slow enough that the replacement, ready 15 to 20 s after the kill, still has live events to ingest and cuts to survive.
    private static final double RATE = 1_250;
    // Late enough for ten cuts and the failover before; early enough that even on a slow machine the
    // ingestor still has events to write when it is killed, and its replacement some left to ingest live.
    private static final long KILL_AT = 17_500;
    private static final int CUTS_BEFORE_KILL = 10;
    private static final int CUTS_AFTER_KILL = 10;
    private static final int FAILOVER_AT = 8;
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    // The replica's group session (10 s) must expire first. Well below the producer's transaction timeout (60 s),
    // so that the dead replica's open transaction can only have been aborted by the new producer's fencing.
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(55);
    // Long enough for whatever a frozen ingestor had sent (records, a commit) to arrive at the broker.
    private static final Duration SETTLE = Duration.ofMillis(300);
    private static final Duration KILL_LIMIT = Duration.ofSeconds(30);

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void fiftyThousandEventsThroughDisconnectsAMasterFailoverAndAKilledIngestor(DevStack stack) throws Exception {
        MesosSimulatorConfig simulation = MesosSimulatorConfig.defaults().withPort(0).withSeed(42)
                .withAgents(40).withFrameworks(4).withTasks(400).withRate(RATE).withHeartbeatIntervalSeconds(1).withMaxEvents(EVENTS)
                // Completed tasks and frameworks must not age out of the truth silently: every one stays comparable.
                .withMaxCompletedTasksPerFramework(1_000_000).withMaxCompletedFrameworks(1_000_000);
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        Random points = new Random(7);
        try (Admin admin = Admin.create(kafka);
             SimulatedMesosCluster masters = MesosMasterSimulator.startCluster(simulation, 2)) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
            List<TopicPartition> partitions = OffsetRanges.partitions(admin, SessionLog.TOPICS.stream().map(t -> t.name(PREFIX)).toList());
            List<String> urls = List.of(masters.master(0).url(), masters.master(1).url());

            try (ChildJvm first = IngestorProcess.start(CLUSTER, PREFIX, urls, kafka)) {
                awaitReady(first, STARTUP_LIMIT);
                cut(masters, points, 1, CUTS_BEFORE_KILL, masters.eventsEmitted(), KILL_AT);
                assertThat(masters.awaitEventsEmitted(KILL_AT, Duration.ofSeconds(60))).isTrue();
                awaitSubscribed(masters);
                killWhileATransactionIsOpen(first, admin, IngestorProcess.config(CLUSTER, PREFIX, urls, kafka).transactionalId(), partitions);
            }
            long killedAt = System.nanoTime();
            // Only the transaction coordinator can end it now: on a timeout, or when a new producer fences the dead one.
            Map<TopicPartition, OffsetRanges.Range> killed = OffsetRanges.openTransactions(admin, partitions);
            LOG.info("Killed the ingestor with a transaction open on {}", killed);
            assertThat(killed).as("the dead ingestor's open transaction").isNotEmpty();

            try (ChildJvm second = IngestorProcess.start(CLUSTER, PREFIX, urls, kafka)) {
                awaitReady(second, TAKEOVER_LIMIT);
                LOG.info("The new ingestor wrote its snapshot {} ms after the kill", Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
                assertThat(OffsetRanges.ends(admin, killed.keySet(), IsolationLevel.READ_COMMITTED))
                        .as("the dead ingestor's transaction has ended").allSatisfy((partition, stable) ->
                                assertThat(stable).isGreaterThanOrEqualTo(killed.get(partition).to()));
                cut(masters, points, CUTS_BEFORE_KILL + 1, CUTS_AFTER_KILL, masters.eventsEmitted(), EVENTS);
                assertThat(masters.awaitEventsEmitted(EVENTS, Duration.ofSeconds(120))).isTrue();
                assertThat(masters.leaderIndex()).hasValue(1);

                assertStateEqualsTruth(kafka, masters.truth());
                assertThat(MesosIngestionEndToEndTest.recordsIn(stack, Topic.INGEST_DLQ.name(PREFIX))).isZero();

                SessionLog committed = SessionLog.read(kafka, PREFIX, CLUSTER, IsolationLevel.READ_COMMITTED, OffsetRanges.committed(admin, partitions));
                assertThat(committed.sequenceGaps()).isEmpty();
                assertThat(committed.interleavings()).isEmpty();
                // The new ingestor's first session included: nobody resumes from where a dead one stopped.
                assertThat(committed.sessionsNotOpenedBySnapshot()).isEmpty();
                assertUncommittedStaysInvisible(kafka, killed, committed);
            }
        }
    }

    /**
     * Cuts the ingestor's connection {@code count} times at random points spread between {@code from}
     * and {@code to} events, or as soon as it resubscribed when those are past; the cut numbered
     * {@link #FAILOVER_AT} fails the leading master over instead.
     */
    private static void cut(SimulatedMesosCluster masters, Random points, int firstNumber, int count, long from, long to)
            throws InterruptedException {
        long spacing = Math.max(2, (to - from) / (count + 1));
        for (int i = 1; i <= count; i++) {
            long at = Math.min(to, from + i * spacing + points.nextInt((int) spacing / 2));
            assertThat(masters.awaitEventsEmitted(at, Duration.ofSeconds(60))).isTrue();
            awaitSubscribed(masters);
            if (firstNumber + i - 1 == FAILOVER_AT) {
                masters.failover(1);
            } else {
                masters.dropSubscriptions();
            }
        }
    }

    /**
     * Waits for the ingestor to have a transaction open, freezes it, and kills it if the transaction
     * is still open once whatever the ingestor had sent has arrived: the coordinator then has it
     * ongoing, and a frozen ingestor can neither write to it nor commit it.
     */
    private static void killWhileATransactionIsOpen(ChildJvm ingestor, Admin admin, String transactionalId, List<TopicPartition> partitions)
            throws Exception {
        long deadline = System.nanoTime() + KILL_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (OffsetRanges.openTransactions(admin, partitions).isEmpty()) {
                continue;
            }
            ingestor.pause();
            Thread.sleep(SETTLE.toMillis());
            TransactionState state = admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get().state();
            if (state == TransactionState.ONGOING && !OffsetRanges.openTransactions(admin, partitions).isEmpty()) {
                ingestor.kill();
                return;
            }
            // Committed before the freeze took hold: try the next transaction.
            ingestor.resume();
        }
        throw new AssertionError("The ingestor had no transaction open that a freeze could catch within " + KILL_LIMIT);
    }

    private static void assertStateEqualsTruth(Map<String, Object> kafka, GetState truth) throws InterruptedException {
        EntityStateLoader loader = new EntityStateLoader(kafka, PREFIX, Duration.ofSeconds(30));
        EntityState written = loader.load(CLUSTER);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!ClusterFacts.tasks(written).equals(ClusterFacts.tasks(truth)) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            written = loader.load(CLUSTER);
        }
        assertThat(ClusterFacts.tasks(truth)).hasSizeGreaterThan(1_000);
        assertThat(ClusterFacts.tasks(written)).isEqualTo(ClusterFacts.tasks(truth));
        assertThat(ClusterFacts.ids(written, Topic.MESOS_AGENT_EVENTS)).isEqualTo(ClusterFacts.agents(truth));
        assertThat(ClusterFacts.ids(written, Topic.MESOS_FRAMEWORK_EVENTS)).isEqualTo(ClusterFacts.frameworks(truth));
    }

    /**
     * The dead ingestor's open transaction is in the log (a read_uncommitted consumer sees it) but
     * was aborted: no read_committed consumer sees any of it, and its session's committed records
     * end before it, so that session shows as one that stopped, not one with a hole.
     */
    private static void assertUncommittedStaysInvisible(Map<String, Object> kafka, Map<TopicPartition, OffsetRanges.Range> killed,
                                                        SessionLog committed) {
        SessionLog uncommitted = SessionLog.read(kafka, PREFIX, CLUSTER, IsolationLevel.READ_UNCOMMITTED, killed);
        assertThat(uncommitted.entries()).isNotEmpty();
        assertThat(committed.within(killed)).isEmpty();
        assertThat(uncommitted.sessions()).hasSize(1);
        String session = uncommitted.sessions().iterator().next();
        long firstUncommitted = uncommitted.sequences(session).first();
        assertThat(committed.sequences(session)).allSatisfy(sequence -> assertThat(sequence).isLessThan(firstUncommitted));
    }

    private static void awaitReady(ChildJvm ingestor, Duration timeout) throws InterruptedException {
        assertThat(ingestor.nextMarked(timeout)).as("the ingestor is ready within " + timeout).isEqualTo(IngestorProcess.READY);
    }

    // A cut only ends a session if the leading master has one open.
    private static void awaitSubscribed(SimulatedMesosCluster masters) throws InterruptedException {
        Eventually.holds(Duration.ofSeconds(30), () -> masters.leaderIndex().isPresent()
                && masters.master(masters.leaderIndex().getAsInt()).status().subscribers() > 0, "resubscribed");
    }
}
