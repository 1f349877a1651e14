package io.mesosevents.replay.export;

import static io.mesosevents.replay.export.ExportFixtures.T0;
import static io.mesosevents.replay.export.ExportFixtures.disconnected;
import static io.mesosevents.replay.export.ExportFixtures.exported;
import static io.mesosevents.replay.export.ExportFixtures.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sink's file read back by that format's own reader (Avro's DataFileReader, Parquet's
 * AvroParquetReader, Jackson for JSON and CSV), through {@link PartitionFiles} as the exporter writes.
 */
class SinkRoundTripTest {

    @TempDir
    Path out;

    private final List<ExportedRecord> records = List.of(
            exported(statusUpdate(0), 10, T0.toEpochMilli()),
            exported(statusUpdate(1), 11, T0.toEpochMilli() + 1),
            exported(disconnected(2), 12, T0.toEpochMilli() + 2),
            exported(statusUpdate(3), 13, T0.toEpochMilli() + 3_000));   // the next hour

    @Test
    void avroContainerFilesEmbedTheSchemaAndHoldTheRecordsWithTheirKafkaMetadata() throws IOException {
        List<Path> files = write(ExportFormat.AVRO, OutputLayout.PartitionBy.NONE);

        assertThat(files).containsExactly(out.resolve("marathon.events/part-0002.avro"));
        List<GenericRecord> read = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(files.get(0).toFile(), new GenericDatumReader<>())) {
            assertThat(reader.getMetaString("avro.codec")).isEqualTo("snappy");
            reader.forEach(read::add);
        }
        assertThat(read).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(read.get(i).get("offset")).isEqualTo(records.get(i).offset());
            assertThat(read.get(i).get("timestamp")).isEqualTo(records.get(i).timestamp());
            assertThat(read.get(i).get("key").toString()).isEqualTo("demo//prod/web");
            assertThat(read.get(i).get("value")).isEqualTo(records.get(i).value());
        }
    }

    @Test
    void parquetFilesOnePerPayloadTypeAndHourReadBackByParquetsOwnReader() throws IOException {
        List<Path> files = write(ExportFormat.PARQUET, OutputLayout.PartitionBy.HOUR);

        assertThat(files).containsExactly(
                out.resolve("marathon.events/event_type=scheduler_disconnected_event/hour=2026-03-01T03/part-0002.parquet"),
                out.resolve("marathon.events/event_type=status_update_event/hour=2026-03-01T03/part-0002.parquet"),
                out.resolve("marathon.events/event_type=status_update_event/hour=2026-03-01T04/part-0002.parquet"));
        List<GenericRecord> read = new ArrayList<>();
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = parquetReader(file)) {
                for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                    read.add(record);
                }
            }
        }
        assertThat(read).hasSize(records.size());
        for (ExportedRecord expected : records) {
            GenericRecord actual = read.stream().filter(r -> (long) r.get("offset") == expected.offset()).findFirst().orElseThrow();
            assertThat(actual.get("timestamp")).isEqualTo(expected.timestamp());
            assertThat(actual.get("partition")).isEqualTo(2);
            // The split value renders as the original: a union renders as its plain value.
            GenericRecord value = (GenericRecord) actual.get("value");
            JsonNode json = AvroJsonRenderer.render(value);
            JsonNode original = AvroJsonRenderer.render(expected.value());
            if (value.getSchema().getField("payload") == null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) original).remove("payload");
            }
            assertThat(json).isEqualTo(original);
        }
    }

    @Test
    void jsonLinesInTheRestApisConventions() throws IOException {
        List<Path> files = write(ExportFormat.JSONL, OutputLayout.PartitionBy.NONE);

        List<JsonNode> lines = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(files.get(0).toFile())) {
            it.forEachRemaining(lines::add);
        }
        assertThat(Files.readAllLines(files.get(0))).hasSize(records.size());
        assertThat(lines).hasSize(records.size());
        JsonNode first = lines.get(1);
        assertThat(first.get("topic").asText()).isEqualTo("marathon.events");
        assertThat(first.get("offset").asLong()).isEqualTo(11);
        assertThat(first.get("timestamp").asText()).isEqualTo("2026-03-01T03:59:58.001Z");
        assertThat(first.at("/value/payload/taskStatus").asText()).isEqualTo("TASK_RUNNING");
        assertThat(first.at("/value/meta/ingestTimestamp").asText()).isEqualTo("2026-03-01T03:59:58.006Z");
        assertThat(first.at("/value/payload/message").asText()).isEqualTo("health \"check\", failed\nHTTP 503");
    }

    @Test
    void csvOneFilePerPayloadTypeParsedByARealCsvParser() throws IOException {
        List<Path> files = write(ExportFormat.CSV, OutputLayout.PartitionBy.NONE);

        assertThat(files).containsExactly(
                out.resolve("marathon.events/event_type=scheduler_disconnected_event/part-0002.csv"),
                out.resolve("marathon.events/event_type=status_update_event/part-0002.csv"));
        List<Map<String, String>> rows = csv(files.get(1));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsEntry("kafka.offset", "11").containsEntry("payload.message", "health \"check\", failed\nHTTP 503")
                .containsEntry("payload.ports", "[31001,31001]").containsEntry("meta.kind", "DELTA");
        assertThat(rows.get(2)).containsEntry("kafka.timestamp", "2026-03-01T04:00:01Z");
        assertThat(csv(files.get(0))).singleElement().satisfies(row -> assertThat(row).containsEntry("kafka.offset", "12")
                .containsEntry("eventType", "scheduler_disconnected_event"));
        assertThat(Files.readString(files.get(1))).doesNotContain("\r").startsWith("kafka.topic,kafka.partition");
    }

    @Test
    void quotingFollowsRfc4180() {
        assertThat(CsvSink.quote("plain")).isEqualTo("plain");
        assertThat(CsvSink.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvSink.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvSink.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvSink.quote("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void anHourThatComesBackAfterALaterOneStartsAFurtherFile() throws IOException {
        OutputLayout layout = new OutputLayout(out, OutputLayout.PartitionBy.HOUR);
        List<Path> files;
        try (PartitionFiles partition = new PartitionFiles(ExportFormat.JSONL, layout, new PayloadSplit(), topic -> null)) {
            partition.write(records.get(0));
            partition.write(records.get(3));
            partition.write(records.get(1));   // back to 03:xx: a producer's clock stepped back
            files = partition.files();
        }
        assertThat(files).containsExactly(out.resolve("marathon.events/hour=2026-03-01T03/part-0002.jsonl"),
                out.resolve("marathon.events/hour=2026-03-01T04/part-0002.jsonl"),
                out.resolve("marathon.events/hour=2026-03-01T03/part-0002-1.jsonl"));
        assertThat(Files.readAllLines(files.get(2))).singleElement().asString().contains("\"offset\":11");
    }

    /** Parquet's own Avro reader; a plain configuration, since a Hadoop one would want Hadoop's XML parser too. */
    static ParquetReader<GenericRecord> parquetReader(Path file) throws IOException {
        return AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(GenericData.get()).withCodecFactory(new PlainCodecs()).build();
    }

    @Test
    void tooManyOpenFilesCloseTheLeastRecentlyWrittenOne() throws IOException {
        List<Path> files;
        try (PartitionFiles partition = new PartitionFiles(ExportFormat.CSV, new OutputLayout(out, OutputLayout.PartitionBy.NONE),
                new PayloadSplit(), topic -> null, 1)) {
            partition.write(records.get(0));
            partition.write(records.get(2));   // another payload type: the status update file is closed
            partition.write(records.get(1));   // so this status update starts a further file
            files = partition.files();
        }
        assertThat(files).containsExactly(out.resolve("marathon.events/event_type=status_update_event/part-0002.csv"),
                out.resolve("marathon.events/event_type=scheduler_disconnected_event/part-0002.csv"),
                out.resolve("marathon.events/event_type=status_update_event/part-0002-1.csv"));
        assertThat(csv(files.get(0))).hasSize(1);
        assertThat(csv(files.get(2))).singleElement().satisfies(row -> assertThat(row).containsEntry("kafka.offset", "11"));
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private List<Path> write(ExportFormat format, OutputLayout.PartitionBy partitionBy) throws IOException {
        try (PartitionFiles partition = new PartitionFiles(format, new OutputLayout(out, partitionBy), new PayloadSplit(),
                topic -> null)) {
            for (ExportedRecord record : records) {
                partition.write(record);
            }
            try (Stream<Path> all = Files.walk(out)) {
                assertThat(all.filter(Files::isRegularFile).toList()).isNotEmpty();
            }
            return partition.files().stream().sorted().toList();
        }
    }
}
