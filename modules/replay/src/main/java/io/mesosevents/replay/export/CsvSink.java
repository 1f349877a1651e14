package io.mesosevents.replay.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A CSV file of one record type: the header of {@link CsvColumns} once, then one row per record.
 * RFC 4180: fields with a comma, a quote, CR or LF are quoted and their quotes doubled; UTF-8 without
 * BOM; {@code \n} line ends.
 */
final class CsvSink implements RecordSink {

    private final Path file;
    private final Writer out;
    private final List<CsvColumns.Column> columns;

    private CsvSink(Path file, Writer out, List<CsvColumns.Column> columns) {
        this.file = file;
        this.out = out;
        this.columns = columns;
    }

    static CsvSink open(Path file, Schema valueSchema) throws IOException {
        List<CsvColumns.Column> columns = CsvColumns.of(valueSchema);
        Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        CsvSink sink = new CsvSink(file, out, columns);
        sink.row(columns.stream().map(CsvColumns.Column::name).toList());
        return sink;
    }

    @Override
    public void write(ExportedRecord record) throws IOException {
        row(columns.stream().map(column -> column.cell().apply(record)).toList());
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    /** {@code field} as RFC 4180 wants it. */
    static String quote(String field) {
        boolean needsQuotes = false;
        for (int i = 0; i < field.length() && !needsQuotes; i++) {
            char c = field.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
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
