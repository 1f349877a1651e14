package io.mesosevents.ingestor;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import io.mesosevents.simulator.mesos.SimulatedMesosCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance run of Mesos ingestion: a seeded two-master cluster makes 50,000 events while
 * the ingestor's connection is cut 20 times at random points, the leading master fails over to
 * the other one (307), and a second ingestor takes the source over from the first mid-stream
 * (the first, still running, is fenced as a zombie would be). At the end the state rebuilt from
 * the topics equals the master's truth and nothing is in the dead-letter topic.
 */
@ExtendWith(DevStackExtension.class)
class MesosAcceptanceTest {

    private static final String CLUSTER = "acceptance";
    private static final String PREFIX = "acceptance.";
    private static final long EVENTS = 50_000;
    private static final int DISCONNECTS = 20;
    private static final int FAILOVER_AT = 8;
    private static final int TAKEOVER_AT = 14;

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void fiftyThousandEventsThroughDisconnectsAMasterFailoverAndAnIngestorTakeover(DevStack stack) throws Exception {
        MesosSimulatorConfig simulation = MesosSimulatorConfig.defaults().withPort(0).withSeed(42)
                .withAgents(40).withFrameworks(4).withTasks(400).withRate(2_500).withHeartbeatIntervalSeconds(1).withMaxEvents(EVENTS)
                // Completed tasks and frameworks must not age out of the truth silently: every one stays comparable.
                .withMaxCompletedTasksPerFramework(1_000_000).withMaxCompletedFrameworks(1_000_000);
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
        }
        Random points = new Random(7);
        try (SimulatedMesosCluster masters = MesosMasterSimulator.startCluster(simulation, 2)) {
            MesosIngestionConfig config = new MesosIngestionConfig(CLUSTER,
                    MesosClientConfig.forMasters(List.of(URI.create(masters.master(0).url()), URI.create(masters.master(1).url())))
                            .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))),
                    kafka, PREFIX, Duration.ofSeconds(60));
            MesosIngestion first = MesosIngestion.start(config, Clock.systemUTC(), metrics(), () -> { });
            MesosIngestion second = null;
            try {
                for (int cut = 1; cut <= DISCONNECTS; cut++) {
                    long at = cut * EVENTS / (DISCONNECTS + 2) + points.nextInt((int) (EVENTS / (DISCONNECTS + 2) / 2));
                    assertThat(masters.awaitEventsEmitted(at, Duration.ofSeconds(60))).isTrue();
                    awaitSubscribed(masters);
                    if (cut == FAILOVER_AT) {
                        masters.failover(1);
                    } else {
                        masters.dropSubscriptions();
                    }
                    if (cut == TAKEOVER_AT) {
                        second = MesosIngestion.start(config, Clock.systemUTC(), metrics(), () -> { });
                        awaitFenced(first);
                        first.close();
                    }
                }
                assertThat(masters.awaitEventsEmitted(EVENTS, Duration.ofSeconds(120))).isTrue();
                assertThat(masters.leaderIndex()).hasValue(1);

                EntityStateLoader loader = new EntityStateLoader(kafka, PREFIX, Duration.ofSeconds(30));
                GetState truth = masters.truth();
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
                assertThat(MesosIngestionEndToEndTest.recordsIn(stack, Topic.INGEST_DLQ.name(PREFIX))).isZero();
                assertThat(second.ready()).isTrue();
                assertThat(second.fenced()).isFalse();
            } finally {
                first.close();
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    private static IngestMetrics metrics() {
        return new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "mesos");
    }

    // A cut only ends a session if the leading master has one open.
    private static void awaitSubscribed(SimulatedMesosCluster masters) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (masters.leaderIndex().isEmpty() || masters.master(masters.leaderIndex().getAsInt()).status().subscribers() == 0) {
            assertThat(System.nanoTime()).as("the ingestor resubscribes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // The first ingestor learns it was fenced on its next write.
    private static void awaitFenced(MesosIngestion ingestion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ingestion.fenced()) {
            assertThat(System.nanoTime()).as("the first ingestor is fenced").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
