package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders an Avro value as JSON, led by its schema, so every view row gets the same rules without
 * per-type code: field names exactly as in the schema, in schema order; timestamps as ISO-8601 UTC
 * strings; enums as their symbol; a union as its plain value (no Avro JSON type wrapper); maps as
 * objects (keys sorted, so answers are byte-for-byte stable); arrays as arrays; bytes as base64.
 * Public because {@code replay export} writes exported events in the same conventions.
 */
public final class AvroJsonRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJsonRenderer() {
    }

    /** A record with its own schema (generated or generic). */
    public static JsonNode render(IndexedRecord record) {
        return render(record, record.getSchema());
    }

    /** {@code value} of {@code schema}; null renders as JSON null. */
    public static JsonNode render(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> record((IndexedRecord) value, schema);
            case UNION -> render(value, branchFor(value, schema));
            case ARRAY -> array((Collection<?>) value, schema.getElementType());
            case MAP -> map((Map<?, ?>) value, schema.getValueType());
            case ENUM -> NODES.textNode(value instanceof Enum<?> symbol ? symbol.name() : value.toString());
            case STRING -> NODES.textNode(value.toString());
            case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
            case INT -> schema.getLogicalType() instanceof LogicalTypes.Date
                    ? NODES.textNode(date(value).toString()) : NODES.numberNode(((Number) value).intValue());
            case LONG -> timestamp(value, schema.getLogicalType());
            case FLOAT -> floating(((Number) value).doubleValue());
            case DOUBLE -> floating(((Number) value).doubleValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case NULL -> NODES.nullNode();
        };
    }

    /**
     * The branch of a union that holds {@code value}. Avro's own resolution knows only the data model it
     * is given, and the generated classes carry Java time types (Instant) that the plain models do not
     * map back to {@code timestamp_ms}, so the branch is chosen by the value's Java type here.
     */
    private static Schema branchFor(Object value, Schema union) {
        for (Schema branch : union.getTypes()) {
            if (holds(branch, value)) {
                return branch;
            }
        }
        throw new IllegalArgumentException("value of type " + value.getClass().getName() + " fits no branch of " + union);
    }

    private static boolean holds(Schema branch, Object value) {
        return switch (branch.getType()) {
            case RECORD -> value instanceof IndexedRecord record && record.getSchema().getFullName().equals(branch.getFullName());
            case ENUM -> (value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>)
                    && (!(value instanceof GenericContainer container) || container.getSchema().getFullName().equals(branch.getFullName()));
            case STRING -> value instanceof CharSequence;
            case LONG -> value instanceof Long || value instanceof Instant;
            case INT -> value instanceof Integer || value instanceof LocalDate;
            case BOOLEAN -> value instanceof Boolean;
            case DOUBLE -> value instanceof Double;
            case FLOAT -> value instanceof Float;
            case ARRAY -> value instanceof Collection<?>;
            case MAP -> value instanceof Map<?, ?>;
            case BYTES -> value instanceof ByteBuffer;
            case FIXED -> value instanceof GenericFixed fixed && fixed.getSchema().getFullName().equals(branch.getFullName());
            case NULL, UNION -> false;
        };
    }

    private static ObjectNode record(IndexedRecord record, Schema schema) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            node.set(field.name(), render(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    private static ArrayNode array(Collection<?> values, Schema elementSchema) {
        ArrayNode node = NODES.arrayNode();
        values.forEach(value -> node.add(render(value, elementSchema)));
        return node;
    }

    private static ObjectNode map(Map<?, ?> values, Schema valueSchema) {
        Map<String, Object> sorted = new TreeMap<>(KeyOrder.CODE_POINTS);
        values.forEach((key, value) -> sorted.put(key.toString(), value));
        ObjectNode node = NODES.objectNode();
        sorted.forEach((key, value) -> node.set(key, render(value, valueSchema)));
        return node;
    }

    /** A long, or with a timestamp logical type the instant as ISO-8601 UTC ("2026-03-01T12:00:00.250Z"). */
    private static JsonNode timestamp(Object value, LogicalType logicalType) {
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        long number = ((Number) value).longValue();
        if (logicalType instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(number).toString());
        }
        if (logicalType instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(Instant.EPOCH.plusNanos(Math.multiplyExact(number, 1000L)).toString());
        }
        return NODES.numberNode(number);
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : LocalDate.ofEpochDay(((Number) value).longValue());
    }

    /** JSON has no NaN or infinity: those become strings rather than invalid JSON. */
    private static JsonNode floating(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
