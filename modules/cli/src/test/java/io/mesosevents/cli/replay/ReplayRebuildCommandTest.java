package io.mesosevents.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.registry.serde.AvroSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay rebuild} as a user runs it, on the embedded broker: what it says when done, and its one-line refusal. */
@ExtendWith(DevStackExtension.class)
class ReplayRebuildCommandTest {

    private static final String PREFIX = "rebuild-cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final int AGENTS = 20;
    private static DevStack stack;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void produce(DevStack devStack) throws Exception {
        stack = devStack;
        AvroClassTrust.install();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(1), Optional.empty());
        }
        Instant base = Instant.now().minus(Duration.ofMinutes(5));
        try (KafkaProducer<String, MesosAgentEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), AvroSerdes.specific(MesosAgentEvent.class, stack.clientProperties(), false).serializer())) {
            for (int i = 0; i < AGENTS; i++) {
                Instant time = base.plusSeconds(i);
                EventMeta meta = EventMeta.newBuilder().setCluster("eu1").setSource("http://master:5050").setSessionId("s-1")
                        .setSequence(i).setSourceTimestamp(time).setIngestTimestamp(time).setKind(EventKind.DELTA).build();
                MesosAgentEvent event = MesosAgentEvent.newBuilder().setMeta(meta).setEventType(MesosEventType.AGENT_ADDED)
                        .setAgentId("agent-" + i).setHostname("agent-" + i + ".eu1.internal").setPort(5051).setActive(true).build();
                producer.send(new ProducerRecord<>(Topic.MESOS_AGENT_EVENTS.name(PREFIX), null, time.toEpochMilli(), "eu1/agent-" + i,
                        event)).get();
            }
        }
    }

    @Test
    void rebuildsIntoTheServeStateDirectoryAndSaysHowToServeIt() throws Exception {
        String application = "rebuild-" + UUID.randomUUID();
        ReplayRun run = rebuild("--application-id", application, "--from-application-id", "views-" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rebuilt the views as application " + application + ": " + AGENTS + " event records in ")
                .contains("events/s").contains("mesos-events serve --application-id " + application);
        // Kafka Streams keeps an application's stores in <state dir>/<application id>, under serve's instance directory.
        assertThat(Files.isDirectory(stateDir.resolve("instance-8123").resolve(application))).isTrue();
    }

    @Test
    void refusesInOneLineWhileTheOldApplicationRuns() {
        String oldApplication = "views-live-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, oldApplication), new StringDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(List.of(Topic.MESOS_AGENT_EVENTS.name(PREFIX)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }

            ReplayRun run = rebuild("--application-id", "rebuild-" + UUID.randomUUID(), "--from-application-id", oldApplication);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("Error: The old views application '" + oldApplication + "' is running")
                    .contains("stop every 'serve'").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    /** Runs {@code replay rebuild} against the test's broker, registry and prefix. */
    private ReplayRun rebuild(String... args) {
        return ReplayRun.of("rebuild", List.of("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry", stack.schemaRegistryUrl(), "--topic-prefix", PREFIX, "--progress", "none",
                "--state-dir", stateDir.toString(), "--http-port", "8123", "--standby-replicas", "0"), args);
    }
}
