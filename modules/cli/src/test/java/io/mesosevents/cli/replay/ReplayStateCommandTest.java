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
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
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
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay state} as a user runs it, on the embedded broker: the tables it prints or writes, and its one-line errors. */
@ExtendWith(DevStackExtension.class)
class ReplayStateCommandTest {

    private static final String PREFIX = "replay-state-cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    private static final String AGENT = "agent-S1";
    private static DevStack stack;

    @TempDir
    Path dir;

    /** An agent at BASE; task web-1 added at +1 min and running at +2 min; task db-1 added at +3 min. */
    @BeforeAll
    static void produce(DevStack devStack) throws Exception {
        stack = devStack;
        AvroClassTrust.install();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(1), Optional.empty());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, Topic.MESOS_AGENT_EVENTS, "c1/" + AGENT, MesosAgentEvent.newBuilder().setMeta(meta(0))
                    .setEventType(MesosEventType.AGENT_ADDED).setAgentId(AGENT).setHostname("agent-1.c1.internal")
                    .setActive(true).build(), MesosAgentEvent.class, 0);
            send(producer, Topic.MESOS_TASK_EVENTS, "c1/web-1", taskAdded("web-1", "web", 1), MesosTaskEvent.class, 1);
            send(producer, Topic.MESOS_TASK_EVENTS, "c1/web-1", taskRunning("web-1", 2), MesosTaskEvent.class, 2);
            send(producer, Topic.MESOS_TASK_EVENTS, "c1/db-1", taskAdded("db-1", "db", 3), MesosTaskEvent.class, 3);
        }
    }

    @Test
    void printsTheRowsAsOfATimeAsJsonLinesLikeTheApi() throws Exception {
        ReplayRun run = state("--entity", "tasks", "--as-of", at(2).plusSeconds(30).toString(), "--format", "jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            rows.add(new ObjectMapper().readTree(line));
        }
        assertThat(rows).extracting(row -> row.get("taskId").asText()).containsExactly("web-1");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("TASK_RUNNING");
        assertThat(rows.get(0).get("started").asText()).isEqualTo(at(2).toString());
        assertThat(rows.get(0).get("host").asText()).isEqualTo("agent-1.c1.internal");
        assertThat(run.err()).startsWith("1 tasks as of " + at(2).plusSeconds(30) + " (3 events replayed in ");
    }

    @Test
    void printsAnAlignedTableAndTakesEpochMilliseconds() {
        ReplayRun run = state("--entity", "tasks", "--as-of", Long.toString(at(3).toEpochMilli()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("CLUSTER  TASK   APP");
        assertThat(run.out()).contains("c1       db-1   fw-1/db   TASK_STAGING").contains("TASK_RUNNING");
    }

    @Test
    void writesTheTableOfOneAppToAFile() throws Exception {
        Path file = dir.resolve("web.jsonl");
        ReplayRun run = state("--entity", "apps", "--app", "fw-1/web", "--as-of", at(3).toString(), "--format", "jsonl",
                "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1 apps as of " + at(3) + " written to " + file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        JsonNode app = new ObjectMapper().readTree(lines.get(0));
        assertThat(app.get("appId").asText()).isEqualTo("fw-1/web");
        assertThat(app.get("running").asInt()).isEqualTo(1);
    }

    @Test
    void writesTheTableAsAnExportWouldWriteItsTopic() throws Exception {
        Path avro = dir.resolve("tasks.avro");
        ReplayRun run = state("--entity", "tasks", "--as-of", at(3).toString(), "--format", "avro", "--out", avro.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<GenericRecord> rows = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(avro.toFile(), new GenericDatumReader<>())) {
            reader.forEach(rows::add);
        }
        assertThat(rows).extracting(row -> row.get("key").toString()).containsExactlyInAnyOrder("c1/web-1", "c1/db-1");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("topic").toString()).isEqualTo(PREFIX + "state.tasks");
            assertThat(row.get("timestamp")).isEqualTo(at(3).toEpochMilli());
            assertThat(((GenericRecord) row.get("value")).get("cluster").toString()).isEqualTo("c1");
        });

        Path csv = dir.resolve("tasks.csv");
        assertThat(state("--entity", "tasks", "--as-of", at(3).toString(), "--format", "csv", "--out", csv.toString()).exitCode())
                .isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("kafka.topic,kafka.partition,kafka.offset,kafka.timestamp,kafka.key,").contains("taskId");

        ReplayRun withoutFile = state("--entity", "tasks", "--as-of", at(3).toString(), "--format", "parquet");
        assertThat(withoutFile.exitCode()).isEqualTo(1);
        assertThat(withoutFile.err()).isEqualTo("Error: --format parquet writes a file: give --out PATH" + System.lineSeparator());
    }

    @Test
    void anEmptyRangeIsAOneLineError() {
        ReplayRun run = state("--as-of", BASE.minus(Duration.ofHours(1)).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: No events between the start of retention and " + BASE.minus(Duration.ofHours(1)))
                .hasLineCount(1);
    }

    @Test
    void aTimeInTheFutureOrUnreadableIsAOneLineError() {
        ReplayRun future = state("--as-of", Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(future.exitCode()).isEqualTo(1);
        assertThat(future.err()).startsWith("Error: The end of the range").contains("is in the future").hasLineCount(1);

        ReplayRun unreadable = state("--as-of", "yesterday");
        assertThat(unreadable.exitCode()).isEqualTo(1);
        assertThat(unreadable.err()).startsWith("Error: --as-of: ").hasLineCount(1);
    }

    @Test
    void anAppSelectsNoAgentsAndAnUnknownTableIsNamed() {
        assertThat(state("--entity", "agents", "--app", "web", "--as-of", at(3).toString()).err())
                .startsWith("Error: --app selects apps, tasks, health or deployments; agents belong to no app");
        assertThat(state("--entity", "pods", "--as-of", at(3).toString()).err())
                .startsWith("Error: --entity: pods is not a table; use one of apps|tasks|agents|frameworks|deployments|health");
    }

    private static Instant at(int minute) {
        return BASE.plus(Duration.ofMinutes(minute));
    }

    private static EventMeta meta(int minute) {
        return EventMeta.newBuilder().setCluster("c1").setSource("http://master:5050").setSessionId("s-1").setSequence(minute)
                .setSourceTimestamp(at(minute)).setIngestTimestamp(at(minute)).setKind(EventKind.DELTA).build();
    }

    private static MesosTaskEvent taskAdded(String taskId, String name, int minute) {
        return MesosTaskEvent.newBuilder().setMeta(meta(minute)).setEventType(MesosEventType.TASK_ADDED).setTaskId(taskId)
                .setFrameworkId("fw-1").setAgentId(AGENT).setName(name).setState(TaskState.TASK_STAGING).build();
    }

    private static MesosTaskEvent taskRunning(String taskId, int minute) {
        TaskStatus status = TaskStatus.newBuilder().setState(TaskState.TASK_RUNNING).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setTimestamp(at(minute)).setAgentId(AGENT).build();
        return MesosTaskEvent.newBuilder().setMeta(meta(minute)).setEventType(MesosEventType.TASK_UPDATED).setTaskId(taskId)
                .setFrameworkId("fw-1").setState(TaskState.TASK_RUNNING).setStatus(status).build();
    }

    /** Sends an event as the ingestor writes it: keyed {@code <cluster>/<id>}, stamped with its ingest time. */
    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic topic, String key, T event,
                                                        Class<T> type, int minute) throws Exception {
        String name = topic.name(PREFIX);
        byte[] value = AvroSerdes.specific(type, stack.clientProperties(), false).serializer().serialize(name, event);
        producer.send(new ProducerRecord<>(name, null, at(minute).toEpochMilli(), key, value)).get();
    }

    /** Runs {@code replay state} against the test's broker, registry and prefix. */
    private ReplayRun state(String... args) {
        return ReplayRun.of("state", List.of("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry", stack.schemaRegistryUrl(), "--topic-prefix", PREFIX), args);
    }
}
