package io.mesosevents.replay.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The columns of a CSV export, derived from the value schema alone so the header is the same for
 * every file of one schema. Rules:
 * <ul>
 *   <li>Kafka's metadata first: {@code kafka.topic, kafka.partition, kafka.offset, kafka.timestamp,
 *       kafka.key} (prefixed because values have fields of those names, Marathon's {@code timestamp});</li>
 *   <li>nested records become dotted columns ({@code meta.cluster}), recursively; a null record leaves
 *       all of its columns empty;</li>
 *   <li>{@code union {null, T}} is the column(s) of T, empty when null;</li>
 *   <li>a union of several non-null types is two columns: {@code field.type} (the branch name) and
 *       {@code field} (the value as JSON);</li>
 *   <li>maps and arrays are one column of JSON text;</li>
 *   <li>scalars as the REST API writes them: enums by symbol, timestamps ISO-8601 UTC, bytes base64,
 *       booleans {@code true}/{@code false}; null is an empty field.</li>
 * </ul>
 * JSON and scalar text come from the REST API's {@link AvroJsonRenderer}, so users see the same shapes.
 */
public final class CsvColumns {

    /** A column: its header name and how to get its text from an exported record. */
    public record Column(String name, Function<ExportedRecord, String> cell) {
    }

    private CsvColumns() {
    }

    /** Every column of records whose values have {@code valueSchema}: the metadata, then the value's. */
    public static List<Column> of(Schema valueSchema) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("kafka.topic", ExportedRecord::topic));
        columns.add(new Column("kafka.partition", r -> Integer.toString(r.partition())));
        columns.add(new Column("kafka.offset", r -> Long.toString(r.offset())));
        columns.add(new Column("kafka.timestamp", r -> Instant.ofEpochMilli(r.timestamp()).toString()));
        columns.add(new Column("kafka.key", r -> r.key() == null ? "" : r.key()));
        flatten(valueSchema, "", ExportedRecord::value, columns);
        return List.copyOf(columns);
    }

    /** The header names of {@link #of}. */
    public static List<String> names(Schema valueSchema) {
        return of(valueSchema).stream().map(Column::name).toList();
    }

    private static void flatten(Schema record, String prefix, Function<ExportedRecord, Object> recordOf, List<Column> columns) {
        for (Schema.Field field : record.getFields()) {
            int position = field.pos();
            Function<ExportedRecord, Object> valueOf = r -> {
                Object parent = recordOf.apply(r);
                return parent == null ? null : ((GenericRecord) parent).get(position);
            };
            add(field.schema(), prefix + field.name(), valueOf, columns);
        }
    }

    private static void add(Schema schema, String name, Function<ExportedRecord, Object> valueOf, List<Column> columns) {
        switch (schema.getType()) {
            case RECORD -> flatten(schema, name + ".", valueOf, columns);
            case UNION -> {
                List<Schema> present = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
                if (present.size() == 1) {
                    add(present.get(0), name, valueOf, columns);
                } else if (present.size() > 1) {
                    columns.add(new Column(name + ".type", r -> branchName(schema, valueOf.apply(r))));
                    columns.add(new Column(name, r -> json(valueOf.apply(r), schema)));
                }
            }
            case MAP, ARRAY -> columns.add(new Column(name, r -> json(valueOf.apply(r), schema)));
            case NULL -> {
                // Always null: nothing to show.
            }
            default -> columns.add(new Column(name, r -> scalar(valueOf.apply(r), schema)));
        }
    }

    private static String branchName(Schema union, Object value) {
        return value == null ? "" : union.getTypes().get(GenericData.get().resolveUnion(union, value)).getName();
    }

    private static String json(Object value, Schema schema) {
        return value == null ? "" : AvroJsonRenderer.render(value, schema).toString();
    }

    private static String scalar(Object value, Schema schema) {
        if (value == null) {
            return "";
        }
        JsonNode node = AvroJsonRenderer.render(value, schema);
        return node.isNull() ? "" : node.asText();
    }
}
