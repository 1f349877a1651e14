package io.mesosevents.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.SchedulerReregisteredEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay export} as a user runs it, on the embedded broker: what it writes and says, and its one-line errors. */
@ExtendWith(DevStackExtension.class)
class ReplayExportCommandTest {

    private static final String PREFIX = "replay-cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private static DevStack stack;

    @TempDir
    Path out;

    @BeforeAll
    static void produce(DevStack devStack) throws Exception {
        stack = devStack;
        AvroClassTrust.install();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(1), Optional.empty());
        }
        try (KafkaProducer<String, MarathonEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), AvroSerdes.specific(MarathonEvent.class, stack.clientProperties(), false).serializer())) {
            for (int i = 0; i < 6; i++) {
                long time = BASE.plus(Duration.ofMinutes(20L * i)).toEpochMilli();
                for (String topic : List.of(Topic.MARATHON_EVENTS.name(PREFIX), truncatedTopic())) {
                    producer.send(new ProducerRecord<>(topic, null, time, "demo", event(i, time))).get();
                }
            }
        }
        // The copy in a second topic loses its first two records, as retention would delete them.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition(truncatedTopic(), 0), RecordsToDelete.beforeOffset(2))).all().get();
        }
    }

    @Test
    void exportsTheRangeAsJsonLinesAndSaysWhatItWrote() throws Exception {
        ReplayRun run = export("--topics", "marathon.events", "--from", BASE.plus(Duration.ofMinutes(20)).toString(),
                "--to", Long.toString(BASE.plus(Duration.ofMinutes(60)).toEpochMilli()), "--format", "JSONL", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Exported 3 records between " + BASE.plus(Duration.ofMinutes(20)));
        Path file = out.resolve(Topic.MARATHON_EVENTS.name(PREFIX)).resolve("part-0000.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(line -> line.at("/value/meta/sequence").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(0).at("/value/payload/master").asText()).isEqualTo("master-1");
    }

    @Test
    void anEmptyRangeIsSaidInOneLineAndWritesNothing() throws Exception {
        ReplayRun run = export("--from", BASE.minus(Duration.ofHours(5)).toString(), "--to", BASE.minus(Duration.ofHours(4)).toString(),
                "--format", "parquet", "--out", out.resolve("none").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("No events between " + BASE.minus(Duration.ofHours(5)) + " and "
                + BASE.minus(Duration.ofHours(4)) + " in " + PREFIX + "mesos.task-events, " + PREFIX + "mesos.agent-events, "
                + PREFIX + "mesos.framework-events, " + PREFIX + "mesos.other-events, " + PREFIX + "marathon.events: nothing written.");
        assertThat(out.resolve("none")).doesNotExist();
    }

    @Test
    void aRangeBeyondRetentionIsAOneLineError() {
        ReplayRun run = export("--topics", "ingest.dlq", "--from", BASE.toString(), "--to", BASE.plus(Duration.ofHours(2)).toString(),
                "--format", "csv", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: The range starts at " + BASE + ", before what " + truncatedTopic() + "-0 retains")
                .contains("its oldest record is from " + BASE.plus(Duration.ofMinutes(40)))
                .hasLineCount(1);
    }

    @Test
    void anUnknownTopicOrTimeIsAnErrorNamingTheOption() {
        assertThat(export("--topics", "mesos.nothing", "--from", BASE.toString(), "--to", BASE.toString(), "--format", "avro",
                "--out", out.toString()).err()).startsWith("Error: --topics: mesos.nothing is not a topic of mesos-events");
        assertThat(export("--from", "yesterday", "--to", BASE.toString(), "--format", "avro", "--out", out.toString()).err())
                .startsWith("Error: --from: ");
    }

    /** The DLQ topic of this test's prefix holds the truncated copy: any of our topics would do, and this one is otherwise unused. */
    private static String truncatedTopic() {
        return Topic.INGEST_DLQ.name(PREFIX);
    }

    private static MarathonEvent event(long sequence, long time) {
        EventMeta meta = EventMeta.newBuilder().setCluster("demo").setSource("http://marathon:8080").setSessionId("s-1")
                .setSequence(sequence).setSourceTimestamp(null).setIngestTimestamp(Instant.ofEpochMilli(time))
                .setKind(EventKind.DELTA).build();
        return MarathonEvent.newBuilder().setMeta(meta).setEventType("scheduler_reregistered_event").setTimestamp(null)
                .setPayload(SchedulerReregisteredEvent.newBuilder().setMaster("master-" + sequence).build()).build();
    }

    /** Runs {@code replay export} against the test's broker, registry and prefix. */
    private ReplayRun export(String... args) {
        return ReplayRun.of("export", List.of("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry", stack.schemaRegistryUrl(), "--topic-prefix", PREFIX, "--progress", "none"), args);
    }
}
