package io.mesosevents.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A Parquet file of {@link KafkaEnvelope} records, written without Hadoop: a local output file, a
 * plain configuration and {@link PlainCodecs}. Arrays use the standard three-level LIST layout
 * (DuckDB and Spark read them as lists). A row group is at most {@value #ROW_GROUP_BYTES} bytes, which
 * bounds what one open file buffers.
 */
final class ParquetSink implements RecordSink {

    static final int ROW_GROUP_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final Schema envelope;
    private final ParquetWriter<GenericRecord> writer;

    private ParquetSink(Path file, Schema envelope, ParquetWriter<GenericRecord> writer) {
        this.file = file;
        this.envelope = envelope;
        this.writer = writer;
    }

    static ParquetSink open(Path file, Schema valueSchema) throws IOException {
        Schema envelope = KafkaEnvelope.schema(valueSchema);
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.setBoolean("parquet.avro.write-old-list-structure", false);
        ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(envelope)
                .withConf(conf)
                .withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withCodecFactory(new PlainCodecs())
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .build();
        return new ParquetSink(file, envelope, writer);
    }

    @Override
    public void write(ExportedRecord record) throws IOException {
        writer.write(KafkaEnvelope.wrap(envelope, record));
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
