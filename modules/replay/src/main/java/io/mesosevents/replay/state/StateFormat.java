package io.mesosevents.replay.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** How {@code replay state} writes a table's rows. */
public enum StateFormat {

    /** Aligned columns of each table's main fields, for a terminal ({@link StateTable}). */
    TABLE {
        @Override
        public void write(StateEntity entity, List<ViewRow> rows, Writer out) {
            append(out, StateTable.of(entity).render(rows));
        }
    },

    /** One JSON object per row, rendered exactly as the REST API renders rows. */
    JSONL {
        @Override
        public void write(StateEntity entity, List<ViewRow> rows, Writer out) {
            StringBuilder lines = new StringBuilder();
            for (ViewRow row : rows) {
                JsonNode json = AvroJsonRenderer.render(row.row());
                lines.append(json).append('\n');
            }
            append(out, lines.toString());
        }
    };

    /** Writes the rows of {@code entity} to {@code out}, which the caller flushes and closes. */
    public abstract void write(StateEntity entity, List<ViewRow> rows, Writer out);

    private static void append(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rows: " + e.getMessage(), e);
        }
    }
}
