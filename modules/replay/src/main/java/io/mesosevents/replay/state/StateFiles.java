package io.mesosevents.replay.state;

import io.mesosevents.replay.export.ExportFormat;
import io.mesosevents.replay.export.ExportedRecord;
import io.mesosevents.replay.export.RecordSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a table as of a time in the file formats of {@code replay export}, so a state table and the
 * events reach an analytics tool in one shape: each row is a record of the view's topic, keyed as
 * there, with the as-of time as its timestamp and no partition or offset (-1), as it was never read
 * from Kafka.
 */
public final class StateFiles {

    /** The partition and offset of a row computed rather than read from a topic. */
    static final int NOT_FROM_KAFKA = -1;

    private StateFiles() {
    }

    /** Writes {@code rows} of {@code entity} as of {@code asOf} to {@code file}; the topic name carries the prefix. */
    public static void write(ExportFormat format, StateEntity entity, String topic, Instant asOf, List<ViewRow> rows, Path file) {
        try (RecordSink sink = format.open(file, entity.topic().valueSchema())) {
            for (ViewRow row : rows) {
                sink.write(new ExportedRecord(topic, NOT_FROM_KAFKA, NOT_FROM_KAFKA, asOf.toEpochMilli(), row.key(),
                        generic(row.row())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The row as the sinks take the events: a generic record with logical types in their raw form (a
     * timestamp as epoch milliseconds), which is how the registry's deserializer hands events to export.
     */
    private static GenericRecord generic(SpecificRecord row) throws IOException {
        Schema schema = row.getSchema();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        new SpecificDatumWriter<SpecificRecord>(schema).write(row, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
