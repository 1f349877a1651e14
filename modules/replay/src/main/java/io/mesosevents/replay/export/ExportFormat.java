package io.mesosevents.replay.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;

/** The file formats of {@code replay export}, each with its file extension and how it treats the Marathon payload union. */
public enum ExportFormat {
    /** Avro object container files: the schema is embedded, so Avro tools, Spark and DuckDB read them without the registry. */
    AVRO("avro", false),
    /** One JSON object per line, in the REST API's JSON conventions. */
    JSONL("jsonl", false),
    /** Flattened, one header per file; the payload union is split so every file has one record type. */
    CSV("csv", true),
    /** Columnar; the payload union is split because Parquet turns a union of records into anonymous member columns. */
    PARQUET("parquet", true);

    private final String extension;
    private final boolean splitsPayload;

    ExportFormat(String extension, boolean splitsPayload) {
        this.extension = extension;
        this.splitsPayload = splitsPayload;
    }

    public String extension() {
        return extension;
    }

    /** Whether {@code marathon.events} is written as one file set per payload type (see {@link PayloadSplit}). */
    public boolean splitsPayload() {
        return splitsPayload;
    }

    /** Opens a new file at {@code file} for records whose values have {@code valueSchema}. */
    public RecordSink open(Path file, Schema valueSchema) throws IOException {
        return switch (this) {
            case AVRO -> AvroContainerSink.open(file, valueSchema);
            case JSONL -> JsonLinesSink.open(file);
            case CSV -> CsvSink.open(file, valueSchema);
            case PARQUET -> ParquetSink.open(file, valueSchema);
        };
    }
}
