package io.mesosevents.model.doc;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** How schema elements are written in Markdown. */
final class Markdown {

    private Markdown() {
    }

    /** HTML anchor id of a named type: its full name, unique by definition. */
    static String anchor(Schema named) {
        return named.getFullName();
    }

    static String link(Schema named) {
        return "[" + named.getName() + "](#" + anchor(named) + ")";
    }

    /** A type as readers think of it; avoids angle brackets, which Markdown would take for HTML. */
    static String type(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> link(schema);
            case ARRAY -> "array of " + type(schema.getElementType());
            case MAP -> "map of " + type(schema.getValueType());
            case UNION -> union(schema);
            default -> primitive(schema);
        };
    }

    private static String union(Schema union) {
        var branches = union.getTypes();
        if (branches.size() == 2 && branches.get(0).getType() == Schema.Type.NULL) {
            return "optional " + type(branches.get(1));
        }
        return "one of: " + branches.stream().map(Markdown::type).collect(Collectors.joining(", "));
    }

    private static String primitive(Schema schema) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null) {
            return schema.getName();
        }
        // Spelled as in the .avdl files.
        return logicalType.getName().equals("timestamp-millis") ? "timestamp_ms" : logicalType.getName();
    }

    /** A field default as JSON-like text; empty for a required field. */
    static String defaultValue(Schema.Field field) {
        if (!field.hasDefaultValue()) {
            return "";
        }
        Object value = field.defaultVal();
        if (value == JsonProperties.NULL_VALUE) {
            return "`null`";
        }
        if (value instanceof Collection<?> list && list.isEmpty()) {
            return "`[]`";
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "`{}`";
        }
        if (value instanceof CharSequence text) {
            return "`\"" + text + "\"`";
        }
        return "`" + value + "`";
    }

    /** Doc text fit for one table cell or paragraph. */
    static String text(String doc) {
        if (doc == null) {
            return "";
        }
        return doc.strip().replaceAll("\\s*\\n\\s*", " ")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }
}
