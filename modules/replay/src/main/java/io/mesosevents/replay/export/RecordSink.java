package io.mesosevents.replay.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One output file being written. A sink is opened for one value schema; records with another
 * schema go to another sink. Not thread-safe: each sink belongs to the worker that opened it.
 */
public interface RecordSink extends Closeable {

    void write(ExportedRecord record) throws IOException;

    /** The file written. */
    Path file();

    /** Flushes what is buffered and completes the file (Parquet's footer, Avro's last block). */
    @Override
    void close() throws IOException;
}
