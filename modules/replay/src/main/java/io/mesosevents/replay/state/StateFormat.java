package io.mesosevents.replay.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.replay.export.ExportFormat;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * How {@code replay state} writes a table's rows: as text for a terminal or a pipe, or as a file in
 * one of {@code replay export}'s formats ({@link StateFiles}).
 */
public enum StateFormat {

    /** Aligned columns of each table's main fields, for a terminal ({@link StateTable}). */
    TABLE(null) {
        @Override
        public void write(StateEntity entity, List<ViewRow> rows, Writer out) {
            append(out, StateTable.of(entity).render(rows));
        }
    },

    /** One JSON object per row, rendered exactly as the REST API renders rows. */
    JSONL(null) {
        @Override
        public void write(StateEntity entity, List<ViewRow> rows, Writer out) {
            StringBuilder lines = new StringBuilder();
            for (ViewRow row : rows) {
                JsonNode json = AvroJsonRenderer.render(row.row());
                lines.append(json).append('\n');
            }
            append(out, lines.toString());
        }
    },

    CSV(ExportFormat.CSV),
    AVRO(ExportFormat.AVRO),
    PARQUET(ExportFormat.PARQUET);

    private final ExportFormat file;

    StateFormat(ExportFormat file) {
        this.file = file;
    }

    /** The export format this one writes a file with; empty for the text formats. */
    public Optional<ExportFormat> file() {
        return Optional.ofNullable(file);
    }

    /** Writes the rows of {@code entity} as text to {@code out}, which the caller flushes and closes. */
    public void write(StateEntity entity, List<ViewRow> rows, Writer out) {
        throw new UnsupportedOperationException(name() + " is written to a file (StateFiles), not as text");
    }

    private static void append(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rows: " + e.getMessage(), e);
        }
    }
}
