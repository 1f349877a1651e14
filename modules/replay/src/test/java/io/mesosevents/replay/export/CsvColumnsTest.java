package io.mesosevents.replay.export;

import static io.mesosevents.replay.export.ExportFixtures.T0;
import static io.mesosevents.replay.export.ExportFixtures.exported;
import static io.mesosevents.replay.export.ExportFixtures.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The flattening rules of CSV exports, on the project's own Marathon schema. */
class CsvColumnsTest {

    private final PayloadSplit split = new PayloadSplit();

    @Test
    void metadataFirstThenDottedColumnsOfNestedRecords() {
        ExportedRecord record = splitRecord(statusUpdate(3), 17);

        List<String> names = CsvColumns.names(record.value().getSchema());

        assertThat(names).startsWith("kafka.topic", "kafka.partition", "kafka.offset", "kafka.timestamp", "kafka.key",
                "meta.cluster", "meta.source", "meta.sessionId", "meta.sequence", "meta.sourceTimestamp", "meta.ingestTimestamp",
                "meta.kind", "eventType", "timestamp", "payload.slaveId", "payload.taskId", "payload.taskStatus");
        assertThat(names).contains("payload.ports", "payload.ipAddresses", "payload.version").doesNotHaveDuplicates();
    }

    @Test
    void scalarsAsTheRestApiWritesThemAndCollectionsAsJson() {
        Map<String, String> row = row(splitRecord(statusUpdate(3), 17));

        assertThat(row).containsEntry("kafka.topic", "marathon.events").containsEntry("kafka.partition", "2")
                .containsEntry("kafka.offset", "17").containsEntry("kafka.timestamp", "2026-03-01T03:59:58.003Z")
                .containsEntry("kafka.key", "demo//prod/web")
                .containsEntry("meta.sequence", "3")
                .containsEntry("meta.sourceTimestamp", "")                       // null timestamp → empty
                .containsEntry("meta.ingestTimestamp", "2026-03-01T03:59:58.008Z")
                .containsEntry("meta.kind", "DELTA")                              // enum → symbol
                .containsEntry("payload.taskStatus", "TASK_RUNNING")              // union {null, enum} → symbol
                .containsEntry("payload.slaveId", "")                             // union {null, string} null → empty
                .containsEntry("payload.message", "health \"check\", failed\nHTTP 503")
                .containsEntry("payload.ports", "[31003,31001]")                  // array → JSON
                .containsEntry("payload.ipAddresses", "[{\"ipAddress\":\"10.0.1.3\",\"protocol\":\"IPv4\"}]");
    }

    @Test
    void aUnionOfSeveralTypesIsTheBranchNameAndTheValueAsJson() {
        Schema schema = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[
                  {"name":"either","type":["null","string","long"]},
                  {"name":"labels","type":{"type":"map","values":"string"}},
                  {"name":"inner","type":["null",{"type":"record","name":"Inner","fields":[
                     {"name":"a","type":"int"},{"name":"raw","type":"bytes"},{"name":"ok","type":"boolean"}]}]}]}""");
        GenericRecord number = new GenericData.Record(schema);
        number.put("either", 5L);
        number.put("labels", new LinkedHashMap<>(Map.of("rack", "r1", "MARATHON_APP_ID", "/prod/web")));
        GenericRecord inner = new GenericData.Record(schema.getField("inner").schema().getTypes().get(1));
        inner.put("a", 7);
        inner.put("raw", java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
        inner.put("ok", true);
        number.put("inner", inner);
        GenericRecord text = new GenericData.Record(schema);
        text.put("either", "a,b");
        text.put("labels", Map.of());

        assertThat(CsvColumns.names(schema)).endsWith("either.type", "either", "labels", "inner.a", "inner.raw", "inner.ok");
        assertThat(row(record(number))).containsEntry("either.type", "long").containsEntry("either", "5")
                .containsEntry("labels", "{\"MARATHON_APP_ID\":\"/prod/web\",\"rack\":\"r1\"}")   // keys sorted, as the API does
                .containsEntry("inner.a", "7").containsEntry("inner.raw", "AQID").containsEntry("inner.ok", "true");
        assertThat(row(record(text))).containsEntry("either.type", "string").containsEntry("either", "\"a,b\"")
                .containsEntry("inner.a", "").containsEntry("inner.raw", "").containsEntry("inner.ok", "");   // null record → empty
    }

    private ExportedRecord splitRecord(io.mesosevents.model.marathon.MarathonEvent event, long offset) {
        ExportedRecord record = exported(event, offset, T0.toEpochMilli() + event.getMeta().getSequence());
        Schema schema = split.schemaFor(record.value().getSchema(), PayloadSplit.branchOf(record.value()).orElseThrow());
        return new ExportedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                PayloadSplit.project(record.value(), schema));
    }

    private static ExportedRecord record(GenericRecord value) {
        return new ExportedRecord("t", 0, 0, 0, null, value);
    }

    private static Map<String, String> row(ExportedRecord record) {
        Map<String, String> row = new LinkedHashMap<>();
        CsvColumns.of(record.value().getSchema()).forEach(column -> row.put(column.name(), column.cell().apply(record)));
        return row;
    }
}
