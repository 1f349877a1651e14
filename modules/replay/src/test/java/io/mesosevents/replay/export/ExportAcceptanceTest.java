package io.mesosevents.replay.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.read.RangePlanner;
import io.mesosevents.replay.read.ReadPlan;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.hadoop.ParquetReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports of real topics on the embedded broker, written with the project's serializer over three
 * hours of record time, read back with each format's own reader and compared record by record with
 * what was produced in the range.
 */
@ExtendWith(DevStackExtension.class)
class ExportAcceptanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExportAcceptanceTest.class);
    private static final int MARATHON_EVENTS = 900;
    private static final int AGENT_EVENTS = 300;
    private static final String PREFIX = "export-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was produced inside the range, by "topic/partition/offset". */
    private static final Map<String, Produced> EXPECTED = new HashMap<>();
    private static Instant from;
    private static Instant to;
    private static DevStack stack;

    @TempDir
    Path out;

    private record Produced(long timestamp, String key, JsonNode value, String eventType) {
    }

    @BeforeAll
    static void produce(DevStack devStack) throws Exception {
        stack = devStack;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
        }
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
        // Three hours of events; the range leaves out the first and last ten minutes.
        from = base.plus(Duration.ofMinutes(10));
        to = base.plus(Duration.ofMinutes(170));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Produced> produced = new ArrayList<>();
        Map<String, Object> producerConfig = Map.of("bootstrap.servers", stack.bootstrapServers(), "linger.ms", 5);
        try (KafkaProducer<String, MarathonEvent> marathon = producer(producerConfig, MarathonEvent.class);
             KafkaProducer<String, MesosAgentEvent> agents = producer(producerConfig, MesosAgentEvent.class)) {
            for (int i = 0; i < MARATHON_EVENTS; i++) {
                long time = base.toEpochMilli() + i * Duration.ofHours(3).toMillis() / MARATHON_EVENTS;
                MarathonEvent event = i % 5 == 0 ? ExportFixtures.disconnected(i) : ExportFixtures.statusUpdate(i);
                String key = "demo//prod/app-" + i % 9;
                sent.add(marathon.send(new ProducerRecord<>(Topic.MARATHON_EVENTS.name(PREFIX), null, time, key, event)));
                produced.add(new Produced(time, key, AvroJsonRenderer.render(event),
                        PayloadSplit.branchName(((SpecificRecord) event.getPayload()).getSchema())));
            }
            for (int i = 0; i < AGENT_EVENTS; i++) {
                long time = base.toEpochMilli() + 7 + i * Duration.ofHours(3).toMillis() / AGENT_EVENTS;
                MesosAgentEvent event = agent(i);
                String key = "demo/agent-" + i % 7;
                sent.add(agents.send(new ProducerRecord<>(Topic.MESOS_AGENT_EVENTS.name(PREFIX), null, time, key, event)));
                produced.add(new Produced(time, key, AvroJsonRenderer.render(event), null));
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            RecordMetadata metadata = sent.get(i).get();
            Produced record = produced.get(i);
            if (!Instant.ofEpochMilli(record.timestamp()).isBefore(from) && !Instant.ofEpochMilli(record.timestamp()).isAfter(to)) {
                EXPECTED.put(metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset(), record);
            }
        }
        assertThat(EXPECTED.size()).isLessThan(MARATHON_EVENTS + AGENT_EVENTS).isGreaterThan(1000);
    }

    @Test
    void avroFilesReadBackByAvrosReaderHoldEveryRecordOfTheRangeWithItsValue() throws IOException {
        ExportResult result = export(ExportFormat.AVRO, OutputLayout.PartitionBy.NONE);

        Map<String, GenericRecord> read = new HashMap<>();
        for (Path file : result.files()) {
            assertThat(file.getFileName().toString()).matches("part-000[0-2]\\.avro");
            long previousOffset = -1;
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                for (GenericRecord record : reader) {
                    long offset = (long) record.get("offset");
                    assertThat(offset).as("offset order in %s", file).isGreaterThan(previousOffset);
                    previousOffset = offset;
                    read.put(record.get("topic") + "/" + record.get("partition") + "/" + offset, record);
                }
            }
        }
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        read.forEach((id, record) -> {
            Produced expected = EXPECTED.get(id);
            assertThat(record.get("timestamp")).isEqualTo(expected.timestamp());
            assertThat(record.get("key").toString()).isEqualTo(expected.key());
            assertThat(AvroJsonRenderer.render((GenericRecord) record.get("value"))).as(id).isEqualTo(expected.value());
        });
        assertThat(result.records()).isEqualTo(EXPECTED.size());
        assertThat(result.outsideRange()).isZero();
        LOG.info("Avro export: {} records in {} ms, {} records/s", result.records(), result.elapsed().toMillis(),
                Math.round(result.recordsPerSecond()));
    }

    @Test
    void parquetByHourReadBackByParquetsOwnReaderWithEachRecordInTheFileOfItsHourAndType() throws IOException {
        ExportResult result = export(ExportFormat.PARQUET, OutputLayout.PartitionBy.HOUR);

        Map<String, GenericRecord> read = new HashMap<>();
        for (Path file : result.files()) {
            try (ParquetReader<GenericRecord> reader = SinkRoundTripTest.parquetReader(file)) {
                for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                    String id = record.get("topic") + "/" + record.get("partition") + "/" + record.get("offset");
                    read.put(id, record);
                    Produced expected = EXPECTED.get(id);
                    assertThat(expected).as("exported record %s", id).isNotNull();
                    assertThat(file.getParent().getFileName().toString())
                            .isEqualTo("hour=" + OutputLayout.hourOf(expected.timestamp()));
                    if (expected.eventType() != null) {
                        assertThat(file.getParent().getParent().getFileName().toString())
                                .isEqualTo("event_type=" + expected.eventType());
                    }
                    JsonNode value = AvroJsonRenderer.render((GenericRecord) record.get("value"));
                    JsonNode wanted = expected.value().deepCopy();
                    if (!value.has("payload")) {
                        ((ObjectNode) wanted).remove("payload");   // a payload without fields is left out of Parquet
                    }
                    assertThat(value).as(id).isEqualTo(wanted);
                    assertThat(record.get("timestamp")).isEqualTo(expected.timestamp());
                }
            }
        }
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        assertThat(result.files()).anySatisfy(file -> assertThat(file.toString()).contains("event_type=scheduler_disconnected_event"));
        assertThat(result.files().stream().map(file -> file.getParent().getFileName().toString()).distinct()).hasSize(3);
        LOG.info("Parquet export by hour: {} records in {} ms, {} records/s", result.records(), result.elapsed().toMillis(),
                Math.round(result.recordsPerSecond()));
    }

    @Test
    void jsonLinesParseAndCarryEveryRecord() throws IOException {
        ExportResult result = export(ExportFormat.JSONL, OutputLayout.PartitionBy.NONE);

        Map<String, JsonNode> read = new HashMap<>();
        for (Path file : result.files()) {
            try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
                lines.forEachRemaining(line -> read.put(line.get("topic").asText() + "/" + line.get("partition").asInt() + "/"
                        + line.get("offset").asLong(), line));
            }
        }
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        read.forEach((id, line) -> {
            Produced expected = EXPECTED.get(id);
            assertThat(line.get("timestamp").asText()).isEqualTo(Instant.ofEpochMilli(expected.timestamp()).toString());
            assertThat(line.get("key").asText()).isEqualTo(expected.key());
            // As text: a parsed number is an int node where the renderer made a long one.
            assertThat(line.get("value").toString()).isEqualTo(expected.value().toString());
        });
    }

    @Test
    void csvParsesWithOneDirectoryPerRecordTypeAndEveryRecordOnce() throws IOException {
        ExportResult result = export(ExportFormat.CSV, OutputLayout.PartitionBy.NONE);

        Map<String, Map<String, String>> rows = new HashMap<>();
        for (Path file : result.files()) {
            for (Map<String, String> row : SinkRoundTripTest.csv(file)) {
                rows.put(row.get("kafka.topic") + "/" + row.get("kafka.partition") + "/" + row.get("kafka.offset"), row);
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        rows.forEach((id, row) -> {
            Produced expected = EXPECTED.get(id);
            assertThat(row.get("kafka.key")).isEqualTo(expected.key());
            assertThat(row.get("meta.sequence")).isEqualTo(expected.value().at("/meta/sequence").asText());
            if ("status_update_event".equals(expected.eventType())) {
                assertThat(row.get("payload.taskId")).isEqualTo(expected.value().at("/payload/taskId").asText());
                assertThat(row.get("payload.ports")).isEqualTo(expected.value().at("/payload/ports").toString());
                assertThat(row.get("payload.message")).isEqualTo(expected.value().at("/payload/message").asText(""));
            }
        });
        try (Stream<Path> directories = Files.list(out.resolve(Topic.MARATHON_EVENTS.name(PREFIX)))) {
            assertThat(directories.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("event_type=status_update_event", "event_type=scheduler_disconnected_event");
        }
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefused() throws IOException {
        Files.writeString(out.resolve("earlier.txt"), "x");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export(ExportFormat.JSONL, OutputLayout.PartitionBy.NONE))
                .isInstanceOf(ExportException.class).hasMessageContaining("is not empty");
    }

    private ExportResult export(ExportFormat format, OutputLayout.PartitionBy partitionBy) {
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.bootstrapServers());
        List<String> topics = List.of(Topic.MARATHON_EVENTS.name(PREFIX), Topic.MESOS_AGENT_EVENTS.name(PREFIX));
        ReadPlan plan = new RangePlanner(kafka).plan(topics, Optional.of(from), to);
        Map<String, org.apache.avro.Schema> readerSchemas = new HashMap<>();
        if (format == ExportFormat.CSV) {
            topics.forEach(topic -> readerSchemas.put(topic, Topic.byName(PREFIX, topic).orElseThrow().valueSchema()));
        }
        ValueDecoder decoder = new ValueDecoder(SchemaRegistryClient.fromConfig(stack.clientProperties()), readerSchemas);
        Exporter exporter = new Exporter(new ExportSettings(kafka, from, to, format, new OutputLayout(out, partitionBy), 2), decoder,
                topic -> Topic.byName(PREFIX, topic).orElseThrow().valueSchema());
        return exporter.run(plan, Progress.none());
    }

    private static <V extends SpecificRecord> KafkaProducer<String, V> producer(Map<String, Object> config, Class<V> type) {
        Serializer<V> values = AvroSerdes.specific(type, stack.clientProperties(), false).serializer();
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    private static MesosAgentEvent agent(int i) {
        return MesosAgentEvent.newBuilder().setMeta(ExportFixtures.meta(i)).setEventType(MesosEventType.AGENT_ADDED)
                .setAgentId("agent-" + i % 7).setHostname("host-" + i % 7).setPort(5051)
                .setResources(List.of(Resource.newBuilder().setName("cpus").setScalar(4.0).build()))
                .setAttributes(Map.of("rack", "r" + i % 3, "zone", "z,1")).setActive(i % 2 == 0)
                .setRegisteredTime(ExportFixtures.T0).build();
    }
}
