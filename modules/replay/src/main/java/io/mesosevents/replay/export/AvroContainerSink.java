package io.mesosevents.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * An Avro object container file of {@link KafkaEnvelope} records, with the schema in its header and
 * blocks compressed with snappy (every Avro reader knows it, and snappy-java ships with Kafka's client).
 */
final class AvroContainerSink implements RecordSink {

    private final Path file;
    private final Schema envelope;
    private final DataFileWriter<GenericRecord> writer;

    private AvroContainerSink(Path file, Schema envelope, DataFileWriter<GenericRecord> writer) {
        this.file = file;
        this.envelope = envelope;
        this.writer = writer;
    }

    static AvroContainerSink open(Path file, Schema valueSchema) throws IOException {
        Schema envelope = KafkaEnvelope.schema(valueSchema);
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(envelope));
        writer.setCodec(CodecFactory.snappyCodec());
        writer.create(envelope, file.toFile());
        return new AvroContainerSink(file, envelope, writer);
    }

    @Override
    public void write(ExportedRecord record) throws IOException {
        writer.append(KafkaEnvelope.wrap(envelope, record));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
