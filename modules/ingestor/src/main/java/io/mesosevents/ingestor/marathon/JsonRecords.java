package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Marathon JSON into the generated Avro records by field name: the schemas use Marathon's own
 * camelCase names, so one reader serves every event type. A field named {@code xJson} holds the JSON
 * of Marathon's field {@code x} as text (large or free-form parts: app definitions, group trees).
 * Missing fields take their schema defaults; a value of the wrong JSON type fails with the field's path.
 */
final class JsonRecords {

    private static final String JSON_SUFFIX = "Json";

    private JsonRecords() {
    }

    /** The record of {@code type} read from {@code object}. */
    static <T extends SpecificRecord> T read(JsonNode object, Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return type.cast(record(object, schema, schema.getName()));
    }

    private static Object record(JsonNode object, Schema schema, String path) {
        if (!object.isObject()) {
            throw new IllegalArgumentException(path + ": expected a JSON object, got " + object.getNodeType());
        }
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = object.get(field.name());
            String fieldPath = path + "." + field.name();
            if (value == null && field.name().endsWith(JSON_SUFFIX) && isString(field.schema())) {
                JsonNode source = object.get(field.name().substring(0, field.name().length() - JSON_SUFFIX.length()));
                record.put(field.pos(), source == null || source.isNull() ? null : source.toString());
            } else if (value == null || value.isNull()) {
                if (!field.hasDefaultValue()) {
                    throw new IllegalArgumentException(fieldPath + " is missing");
                }
                record.put(field.pos(), defaultOf(field));
            } else {
                record.put(field.pos(), value(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private static Object value(JsonNode node, Schema schema, String path) {
        return switch (schema.getType()) {
            case UNION -> value(node, nonNull(schema), path);
            case RECORD -> record(node, schema, path);
            case ARRAY -> array(node, schema.getElementType(), path);
            case STRING -> node.isValueNode() ? node.asText() : node.toString();
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw wrongType(path, "a boolean", node);
                }
                yield node.booleanValue();
            }
            case INT -> {
                if (!node.canConvertToInt() && !isIntegralText(node)) {
                    throw wrongType(path, "an integer", node);
                }
                yield node.isTextual() ? Integer.parseInt(node.textValue().trim()) : node.intValue();
            }
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? instant(node, path)
                    : longValue(node, path);
            case DOUBLE -> {
                if (!node.isNumber()) {
                    throw wrongType(path, "a number", node);
                }
                yield node.doubleValue();
            }
            case ENUM -> enumSymbol(node, schema);
            case BYTES -> ByteBuffer.wrap((node.isValueNode() ? node.asText() : node.toString()).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException(path + ": no JSON reading for Avro type " + schema.getType());
        };
    }

    private static List<Object> array(JsonNode node, Schema element, String path) {
        if (!node.isArray()) {
            throw wrongType(path, "an array", node);
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(value(node.get(i), element, path + "[" + i + "]"));
        }
        return items;
    }

    private static long longValue(JsonNode node, String path) {
        if (!node.canConvertToLong() && !isIntegralText(node)) {
            throw wrongType(path, "an integer", node);
        }
        return node.isTextual() ? Long.parseLong(node.textValue().trim()) : node.longValue();
    }

    /** Marathon writes times as ISO-8601 strings. */
    private static Instant instant(JsonNode node, String path) {
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": not an ISO-8601 time: " + node.asText());
        }
    }

    /** An unknown symbol becomes the enum's default: Marathon and Mesos add states. */
    private static Object enumSymbol(JsonNode node, Schema schema) {
        String symbol = node.asText();
        String chosen = schema.hasEnumSymbol(symbol) ? symbol : schema.getEnumDefault();
        return SpecificData.get().createEnum(chosen, schema);
    }

    private static Object defaultOf(Schema.Field field) {
        return SpecificData.get().getDefaultValue(field);
    }

    static Schema nonNull(Schema union) {
        return union.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst()
                .orElseThrow(() -> new IllegalStateException("A union of null only: " + union));
    }

    private static boolean isString(Schema schema) {
        Schema type = schema.getType() == Schema.Type.UNION ? nonNull(schema) : schema;
        return type.getType() == Schema.Type.STRING;
    }

    private static boolean isIntegralText(JsonNode node) {
        return node.isTextual() && node.textValue().trim().matches("-?\\d{1,18}");
    }

    private static IllegalArgumentException wrongType(String path, String expected, JsonNode node) {
        return new IllegalArgumentException(path + ": expected " + expected + ", got " + node.getNodeType() + " " + excerpt(node));
    }

    private static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
