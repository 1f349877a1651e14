package io.mesosevents.ingestor;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.simulator.mesos.GarbageKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulated master, the real broker and registry, and the ingestor between them. */
@ExtendWith(DevStackExtension.class)
class MesosIngestionEndToEndTest {

    private static final String CLUSTER = "e2e";
    private static final String PREFIX = "e2e.";
    private static final long EVENTS = 6_000;

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void topicsMatchTheMastersTruthAfterDisconnectsAndARestart(DevStack stack) throws Exception {
        MesosSimulatorConfig simulation = MesosSimulatorConfig.defaults().withPort(0).withSeed(7)
                .withAgents(20).withFrameworks(3).withTasks(200).withRate(1_000).withHeartbeatIntervalSeconds(1).withMaxEvents(EVENTS);
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
        }
        try (MesosMasterSimulator master = MesosMasterSimulator.start(simulation);
             MesosIngestion ingestion = MesosIngestion.start(new MesosIngestionConfig(CLUSTER,
                     MesosClientConfig.forMasters(List.of(URI.create(master.url())))
                             .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))),
                     kafka, PREFIX, Duration.ofSeconds(60)), Clock.systemUTC(), new IngestMetrics(registry, Clock.systemUTC(), "mesos"), () -> { })) {

            for (int round = 1; round <= 5; round++) {
                assertThat(master.awaitEventsEmitted(round * EVENTS / 7, Duration.ofSeconds(60))).isTrue();
                awaitSubscribed(master);
                if (round == 3) {
                    master.restart();
                } else {
                    master.dropSubscriptions();
                }
            }
            assertThat(master.awaitEventsEmitted(EVENTS, Duration.ofSeconds(60))).isTrue();

            EntityStateLoader loader = new EntityStateLoader(kafka, PREFIX, Duration.ofSeconds(30));
            GetState truth = master.truth();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            EntityState written = loader.load(CLUSTER);
            while (!ClusterFacts.tasks(written).equals(ClusterFacts.tasks(truth)) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                written = loader.load(CLUSTER);
            }

            assertThat(ingestion.reconnects()).isGreaterThanOrEqualTo(5);
            assertThat(ClusterFacts.tasks(written)).isEqualTo(ClusterFacts.tasks(truth));
            assertThat(ClusterFacts.ids(written, Topic.MESOS_AGENT_EVENTS)).isEqualTo(ClusterFacts.agents(truth));
            assertThat(ClusterFacts.ids(written, Topic.MESOS_FRAMEWORK_EVENTS)).isEqualTo(ClusterFacts.frameworks(truth));
            assertThat(recordsIn(stack, Topic.INGEST_DLQ.name(PREFIX))).isZero();
            String metrics = registry.scrape();
            assertThat(metrics).contains("mesos_events_ingest_events_total{source=\"mesos\",type=\"TASK_UPDATED\"}");
            assertThat(metrics).containsPattern("mesos_events_ingest_reconnects_total\\{source=\"mesos\"\\} [5-9]");
            assertThat(metrics).containsPattern("mesos_events_ingest_snapshot_records\\{source=\"mesos\"\\} [1-9]");
            assertThat(ingestion.ready()).isTrue();
        }
    }

    @Test
    void undecodableInputBecomesDeadLettersAndIngestionGoesOn(DevStack stack) throws Exception {
        String prefix = "e2e-dlq.";
        MesosSimulatorConfig simulation = MesosSimulatorConfig.defaults().withPort(0).withSeed(11)
                .withAgents(5).withFrameworks(2).withTasks(30).withRate(200).withHeartbeatIntervalSeconds(1).withMaxEvents(600);
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(prefix, Optional.empty(), Optional.empty());
        }
        try (MesosMasterSimulator master = MesosMasterSimulator.start(simulation);
             MesosIngestion ingestion = MesosIngestion.start(new MesosIngestionConfig("dlq",
                     MesosClientConfig.forMasters(List.of(URI.create(master.url()))).withEncoding(MesosEncoding.JSON)
                             .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))),
                     kafka, prefix, Duration.ofSeconds(60)), Clock.systemUTC(),
                     new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "mesos"), () -> { })) {
            // Garbage is sent only once the ingestor reads the stream: a frame followed by a
            // closed connection may never reach a client that is still busy elsewhere.
            awaitReady(ingestion);
            master.sendGarbage(GarbageKind.RECORD);
            assertThat(deadLetters(stack, Topic.INGEST_DLQ.name(prefix), 1)).hasSize(1);
            master.sendGarbage(GarbageKind.FRAME);
            assertThat(master.awaitEventsEmitted(600, Duration.ofSeconds(60))).isTrue();

            List<DeadLetter> letters = deadLetters(stack, Topic.INGEST_DLQ.name(prefix), 2);
            assertThat(letters).extracting(DeadLetter::getStage).containsExactlyInAnyOrder("json-decode", "recordio");
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.getCluster()).isEqualTo("dlq");
                assertThat(letter.getSource()).isEqualTo(master.url());
                assertThat(letter.getPayload().remaining()).isPositive();
                assertThat(letter.getError()).isNotBlank();
            });
            awaitSubscribed(master);
            assertThat(ingestion.reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    private static List<DeadLetter> deadLetters(DevStack stack, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(stack.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (Serde<DeadLetter> serde = AvroSerdes.specific(DeadLetter.class, stack.clientProperties(), false);
             KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(record.value()));
            }
        }
        return letters;
    }

    private static void awaitReady(MesosIngestion ingestion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ingestion.ready()) {
            assertThat(System.nanoTime()).as("a snapshot is written").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // A fault only ends a session if one is open; between sessions it would change nothing.
    private static void awaitSubscribed(MesosMasterSimulator master) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (master.status().subscribers() == 0) {
            assertThat(System.nanoTime()).as("the ingestor resubscribes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }







    static long recordsIn(DevStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }
}
