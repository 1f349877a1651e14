package io.mesosevents.replay.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * JSON lines: one object per record, {@code {"topic","partition","offset","timestamp","key","value"}},
 * the value rendered by the REST API's {@link AvroJsonRenderer} (ISO-8601 UTC timestamps, enums by
 * symbol, unions as their plain value), so an exported event looks like what the API shows.
 */
final class JsonLinesSink implements RecordSink {

    /** Neither closes nor flushes the file after each record: the buffered writer decides when to write. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Path file;
    private final Writer out;

    private JsonLinesSink(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    static JsonLinesSink open(Path file) throws IOException {
        return new JsonLinesSink(file, new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
    }

    /** The JSON object of one record (also what tests compare exports with). */
    static ObjectNode render(ExportedRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.put("key", record.key());
        node.set("value", record.value() == null ? JsonNodeFactory.instance.nullNode() : AvroJsonRenderer.render(record.value()));
        return node;
    }

    @Override
    public void write(ExportedRecord record) throws IOException {
        JSON.writeValue(out, render(record));
        out.write('\n');
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
