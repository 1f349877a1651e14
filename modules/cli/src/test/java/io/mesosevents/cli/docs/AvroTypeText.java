package io.mesosevents.cli.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** How an Avro type and a field default read in the reference. */
final class AvroTypeText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroTypeText() {
    }

    /** Anchor id of a named type in topics-and-schemas.md: its full name, unique by definition. */
    static String anchor(Schema named) {
        return named.getFullName();
    }

    /**
     * A type as a reader thinks of it ("optional string", "array of Resource"), named types linked
     * through {@code linkTo}. Words instead of {@code array<T>}, whose angle brackets Markdown would
     * take for HTML.
     */
    static String type(Schema schema, Function<Schema, String> linkTo) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> linkTo.apply(schema);
            case ARRAY -> "array of " + type(schema.getElementType(), linkTo);
            case MAP -> "map of string to " + type(schema.getValueType(), linkTo);
            case UNION -> union(schema, linkTo);
            default -> primitive(schema);
        };
    }

    private static String union(Schema union, Function<Schema, String> linkTo) {
        var branches = union.getTypes();
        if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
            return "optional " + type(branches.get(1), linkTo);
        }
        return "union of " + branches.stream().map(b -> type(b, linkTo)).collect(Collectors.joining(", "));
    }

    private static String primitive(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        String base = schema.getType().getName();
        return logicalType == null ? base : base + " (" + logicalType.getName() + ")";
    }

    /** The field default as the JSON the schema holds; empty for a field without default. */
    static String defaultJson(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return "";
        }
        Object value = field.defaultVal();
        if (value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
